"""AWS services and features by name: what lets the lookup decline honestly.

Data, not logic. ``NAMES`` maps the ways of writing a service or feature
("code deploy", "dead letter queue", "weighted routing") to one token, as
``vocabulary.CONCEPTS`` does for the things the notes cover; ``AWS_NAMES`` is
every such token plus the one-word names. A query naming one that no title
or section of the notes treats is about a topic they do not cover
(``bot.core.decline``), so it is declined instead of answered with whatever
shares a generic word ("timeout", "deploy", "routing").

General AWS knowledge, not a list of the notes' gaps: a name the notes do
treat (RDS, ELB, Aurora...) is simply answered. Words that are also plain
English ("glue", "shield", "batch", "backup", "config") are left out; "AWS
Batch" is caught by its brand word instead (``decline.branded_unknown``).
"""

from __future__ import annotations

#: variant spellings -> the token naming the service or feature
NAMES: dict[str, tuple[str, ...]] = {}


def _name(token: str, *variants: str) -> None:
    for variant in (token, *variants):
        NAMES[variant] = (token,)


def _feature(service: str, *variants: str) -> None:
    """A feature gets a token of its own: "lambda cold start" asks about more
    than Lambda, which the notes mention in passing."""
    for variant in variants:
        NAMES[variant] = (service + "feature",)


# --- services (several words, or spelled apart) --------------------------------------
_name("codedeploy", "code deploy")
_feature("codedeploy", "appspec", "blue green deployment", "blue green deployments",
         "canary deployment", "canary deployments", "in place deployment", "deployment group",
         "deployment groups", "deployment configuration", "deployment configurations")
_name("codebuild", "code build")
_feature("codebuild", "buildspec", "build spec")
_name("codecommit", "code commit", "git repository", "git repo", "source control")
_name("codepipeline", "code pipeline", "ci cd", "cicd", "continuous integration",
      "continuous delivery", "continuous deployment", "release pipeline", "deployment pipeline")
_name("codeartifact", "code artifact", "package repository", "artifact repository")
_name("codestar", "code star")
_name("codeguru", "code guru")
_name("codecatalyst", "code catalyst")
_name("cloudformation", "cloud formation", "cfn", "infrastructure as code", "iac")
_feature("cloudformation", "change set", "change sets", "stack set", "stack sets", "stackset",
         "stacksets", "intrinsic function", "intrinsic functions", "drift detection")
_name("cloudtrail", "cloud trail", "api call history", "api activity")
_name("apigateway", "api gateway", "api gw")
_feature("apigateway", "usage plan", "usage plans", "stage variable", "stage variables",
         "mapping template", "mapping templates", "lambda authorizer", "lambda authorizers")
_name("stepfunctions", "step functions", "step function", "state machine", "state machines",
      "workflow orchestration")
_name("xray", "x ray", "distributed tracing")
_feature("xray", "service map", "subsegment", "subsegments", "xray daemon", "x ray daemon")
_name("beanstalk", "elastic beanstalk", "eb cli", "ebextensions")
_name("dynamodb", "dynamo db", "dynamo", "dax", "nosql")
_feature("dynamodb", "partition key", "sort key", "gsi", "lsi", "global secondary index",
         "local secondary index", "rcu", "wcu", "read capacity unit", "read capacity units",
         "write capacity unit", "write capacity units", "conditional write", "conditional writes",
         "item collection", "dynamodb streams")
_name("eventbridge", "event bridge", "cloudwatch events")
_feature("eventbridge", "event bus", "event buses", "event rule", "event rules", "eventbridge rule",
         "eventbridge rules")
_name("parameterstore", "parameter store", "ssm parameter store", "ssm parameter",
      "ssm parameters")
_feature("parameterstore", "secure string", "securestring")
_name("s3", "simple storage service", "bucket", "buckets", "object storage", "object store")
_feature("s3", "presigned url", "pre signed url", "presigned urls", "static website hosting",
         "lifecycle rule", "lifecycle rules", "lifecycle policy", "lifecycle policies",
         "transfer acceleration", "s3 select", "object lock", "multipart upload", "bucket policy",
         "bucket policies", "versioning")
_name("glacier", "deep archive", "glacier deep archive")
_name("cognito", "social login", "social sign in", "user sign up", "sign up", "signup")
_feature("cognito", "user pool", "user pools", "identity pool", "identity pools")
_name("sam", "serverless application model")
_name("cdk", "cloud development kit")
_name("ecr", "elastic container registry", "container registry", "image repository")
_feature("ecr", "image scanning")
_name("ecs", "elastic container service")
_feature("ecs", "task definition", "task definitions", "task role", "task roles")
_name("eks", "elastic kubernetes service", "kubernetes", "k8s")
_name("fargate")
_name("sqs", "simple queue service", "message queue", "message queues", "queue", "queues",
      "queuing", "queueing")
_feature("sqs", "dead letter queue", "dead letter queues", "dlq", "visibility timeout",
         "long polling", "short polling", "fifo queue", "fifo queues", "delay queue")
_name("sns", "simple notification service", "pub sub", "publish subscribe", "push notification",
      "push notifications")
_feature("sns", "fan out", "fanout", "sns topic", "message filtering", "subscription filter policy")
_name("ses", "simple email service", "send email", "sending email", "email service")
_name("kinesis", "data streams", "data stream", "firehose", "data firehose", "stream processing",
      "clickstream")
_feature("kinesis", "shard iterator", "kinesis client library", "kcl", "kpl", "kinesis consumer",
         "enhanced fan out")
_name("appsync", "app sync", "graphql")
_name("opensearch", "open search", "elasticsearch")
_name("lambda", "lambda function", "lambda functions")
_feature("lambda", "cold start", "cold starts", "provisioned concurrency", "reserved concurrency",
         "lambda layer", "lambda layers", "event source mapping", "function url", "lambda edge",
         "lambda destinations", "lambda alias", "lambda aliases")
_name("apprunner", "app runner")
_name("amplify")
_name("secretsmanager", "secrets manager", "secret manager")
_feature("secretsmanager", "secret rotation", "rotate secrets", "rotating secrets")
_name("acm", "certificate manager", "aws certificate manager")
_name("sts", "security token service")
_feature("sts", "assumerole", "web identity", "get session token", "getsessiontoken")
_name("identitycenter", "identity center", "sso", "single sign on", "saml", "oidc",
      "identity federation", "federation", "federated")
_name("organizations", "aws organizations", "scp", "scps", "service control policy",
      "service control policies", "organizational unit", "organizational units")
_name("permissionsboundary", "permissions boundary", "permission boundary",
      "permissions boundaries", "permission boundaries")
_name("accessanalyzer", "access analyzer", "iam access analyzer", "policy simulator",
      "credential report", "credentials report", "access advisor")
_name("trustedadvisor", "trusted advisor")
_name("costexplorer", "cost explorer", "aws budgets", "cost and usage report")
_name("systemsmanager", "systems manager", "session manager", "patch manager")
_name("appconfig", "app config", "feature flag", "feature flags")
_name("waf", "web application firewall", "sql injection", "cross site scripting")
_name("shield", "aws shield", "shield advanced", "ddos")
_name("guardduty", "guard duty")
_name("inspector", "amazon inspector")
_name("cloudmap", "cloud map", "service discovery")
_name("natgateway", "nat gateway", "nat gateways", "nat instance", "internet gateway",
      "transit gateway", "vpc peering", "vpc endpoint", "vpc endpoints", "gateway endpoint",
      "interface endpoint", "privatelink", "private link", "subnet", "subnets", "route table",
      "route tables", "network acl", "network acls", "nacl", "nacls", "flow logs", "vpc flow logs")
_name("directconnect", "direct connect", "site to site vpn", "vpn", "client vpn")
_name("globalaccelerator", "global accelerator")
_name("storagegateway", "storage gateway", "fsx", "datasync", "data sync", "snowball",
      "snowcone", "snowmobile", "transfer family")
_name("dms", "database migration service", "schema conversion tool")
_name("msk", "kafka", "managed streaming for apache kafka")
_name("mq", "amazon mq", "rabbitmq")
_name("redshift", "data warehouse", "data warehousing")
_name("athena", "emr", "glue crawler", "aws glue", "quicksight", "lake formation", "data lake")
_name("sagemaker", "bedrock", "rekognition", "textract", "polly", "transcribe",
      "lex", "kendra")
_name("neptune", "documentdb", "document db", "keyspaces", "cassandra", "timestream", "qldb",
      "ledger database", "graph database")
_name("iot", "iot core", "greengrass")
_name("lightsail", "outposts", "wavelength", "local zone", "local zones", "cloud9", "workspaces",
      "appstream", "appflow", "swf", "simple workflow")

# --- features of covered services that the notes do not treat ---------------------------
_name("spotinstance", "spot instance", "spot instances", "spot fleet", "spot price")
_name("reservedinstance", "reserved instance", "reserved instances", "savings plan",
      "savings plans", "dedicated host", "dedicated hosts", "dedicated instance",
      "dedicated instances", "capacity reservation", "capacity reservations", "on demand instance",
      "on demand instances")
_name("placementgroup", "placement group", "placement groups")
_name("hibernate", "hibernation", "hibernating")
_name("eni", "elastic network interface", "network interface", "network interfaces")
_name("launchtemplate", "launch template", "launch templates", "launch configuration",
      "launch configurations")
_name("imds", "instance metadata", "metadata service", "imdsv2", "instance identity document")
_name("burstable", "cpu credit", "cpu credits", "t2 unlimited", "t3 unlimited")
_name("hddvolume", "st1", "sc1", "throughput optimized hdd", "cold hdd")
_name("lifecyclehook", "lifecycle hook", "lifecycle hooks", "warm pool", "warm pools",
      "instance refresh")
_name("sni", "server name indication")
_name("routingpolicy", "routing policy", "routing policies", "weighted routing",
      "latency routing", "latency based routing", "failover routing", "geolocation routing",
      "geoproximity routing", "geoproximity", "multivalue answer", "multi value answer",
      "multivalue routing", "simple routing", "traffic flow", "traffic policy", "dnssec",
      "route 53 resolver", "private hosted zone", "private hosted zones")
_name("aurorafeature", "aurora serverless", "aurora global database", "global database",
      "backtrack", "backtracking", "aurora cloning", "database cloning", "custom endpoint",
      "custom endpoints")
_name("rdsfeature", "performance insights", "enhanced monitoring", "rds event notifications",
      "option group", "option groups", "parameter group", "parameter groups")
_name("elasticachefeature", "global datastore", "cluster mode", "redis auth")
_name("efsfeature", "access point", "access points", "efs one zone", "max io",
      "bursting throughput", "provisioned throughput", "elastic throughput")
_name("dlm", "data lifecycle manager")
_name("cloudwatchfeature", "logs insights", "log insights", "metric filter", "metric filters",
      "embedded metric format", "cloudwatch agent", "unified agent", "cloudwatch synthetics",
      "canary", "canaries", "contributor insights", "composite alarm", "composite alarms",
      "log group", "log groups", "log stream", "log streams", "subscription filter")
_name("envelopeencryption", "envelope encryption", "data key", "data keys", "generatedatakey",
      "key rotation", "customer managed key", "customer managed keys", "cmk", "kms key policy")


#: one-word names (plus every token above): unknown to the notes = not covered
AWS_NAMES: frozenset[str] = frozenset({t for ts in NAMES.values() for t in ts} | set("""
    codedeploy codebuild codecommit codepipeline codeartifact codestar codeguru cloudformation
    cloudtrail apigateway stepfunctions xray beanstalk dynamodb eventbridge parameterstore s3
    cognito sam cdk ecr ecs eks fargate sqs sns ses kinesis appsync opensearch lambda athena
    redshift emr sagemaker quicksight amplify cloud9 lightsail macie guardduty
    waf acm sts systemsmanager ssm appconfig xray
    secretsmanager cloudwatch cloudfront route53 vpc iam kms rds aurora elasticache memorydb
    ec2 ebs efs elb alb nlb asg glacier snowball outposts wavelength datasync
    directconnect vpn privatelink neptune documentdb keyspaces timestream qldb msk mq swf
    appflow appstream workspaces polly rekognition textract bedrock kendra lex
    """.split()))
