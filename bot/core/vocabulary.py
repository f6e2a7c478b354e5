"""What words mean to the lookup: acronyms, synonyms, filler and AWS names.

Data, not logic. ``CONCEPTS`` maps each way of saying a thing to the tokens
it stands for, on both sides (notes and queries): "auto scaling group",
"autoscaling groups" and "ASG" all become ``asg``, so either spelling finds
the other. The first token is the concept itself; later ones are broader
terms it implies ("application load balancer" is also a load balancer).

``AWS_NAMES`` are services and features of the exam guide. A query naming
one that the notes never mention is about a topic they do not cover: that is
what lets the lookup decline honestly instead of answering with whatever
shares a generic word ("timeout", "deploy").
"""

from __future__ import annotations

#: variant spellings (any case, any plural) -> tokens they stand for
CONCEPTS: dict[str, tuple[str, ...]] = {}


def _concept(tokens: str, *variants: str) -> None:
    emitted = tuple(tokens.split())
    for variant in variants:
        CONCEPTS[variant] = emitted


# --- compute, storage, networking --------------------------------------------
_concept("ec2", "ec2", "elastic compute cloud")
_concept("vm ec2", "virtual machine", "virtual machines", "vm", "vms", "virtual server")
_concept("ebs", "ebs", "elastic block store", "elastic block storage", "block storage")
_concept("efs", "efs", "elastic file system", "elastic filesystem")
_concept("nfs", "nfs", "network file system", "network filesystem", "shared file system")
_concept("instancestore", "instance store", "instance storage", "ephemeral storage",
         "ephemeral store", "local ssd", "local disk", "local nvme")
_concept("ami", "ami", "amazon machine image", "machine image")
_concept("multiattach", "multi attach", "multiattach", "multi attached")
_concept("fsr", "fsr", "fast snapshot restore", "fast snapshot restores")
_concept("gp2 gp3", "general purpose ssd", "general purpose volume")
_concept("iops", "iops", "io per second", "input output operations per second", "io operations")
_concept("ia", "infrequent access", "ia")
_concept("az", "az", "azs", "availability zone", "availability zones", "zone", "zones")
_concept("multiaz", "multi az", "multiaz", "multi availability zone", "multiple az",
         "multiple azs", "multiple availability zones", "standby replica", "standby instance")
_concept("zonefile", "zone file", "zone files")
_concept("region", "region", "regions", "aws region")
_concept("crossregion", "cross region", "crossregion", "another region", "other region",
         "across regions", "across region", "different region", "second region")
_concept("sg", "sg", "sgs", "security group", "security groups", "firewall", "virtual firewall",
         "instance firewall")
_concept("vpc", "vpc", "virtual private cloud")
_concept("ssh", "ssh", "secure shell")
_concept("ip", "ip", "ip address", "ip addresses")
_concept("elasticip", "elastic ip", "eip", "static ip", "fixed ip", "static ip address")
_concept("publicip", "public ip", "public ip address")
_concept("privateip", "private ip", "private ip address")
_concept("userdata", "user data", "userdata", "bootstrap", "bootstraping", "bootstrapping",
         "startup script", "launch script", "boot script")
_concept("keypair", "key pair", "keypair", "pem", "ppk", "private key file")

# --- load balancing and scaling ------------------------------------------------
_concept("elb", "elb", "elbs", "elastic load balancer", "elastic load balancing",
         "load balancer", "load balancers", "load balancing", "lb", "lbs")
_concept("alb elb", "alb", "albs", "application load balancer", "layer 7 load balancer",
         "l7 load balancer", "http load balancer")
_concept("nlb elb", "nlb", "nlbs", "network load balancer", "layer 4 load balancer",
         "l4 load balancer", "tcp load balancer", "udp load balancer")
_concept("gwlb elb", "gwlb", "glb", "gateway load balancer", "layer 3 load balancer")
_concept("clb elb", "clb", "classic load balancer")
_concept("layer7", "layer 7", "l7", "layer7", "application layer")
_concept("layer4", "layer 4", "l4", "layer4", "transport layer")
_concept("layer3", "layer 3", "l3", "layer3", "network layer")
_concept("sticky", "sticky session", "sticky sessions", "stickiness", "stickyness", "sticky",
         "session affinity", "session stickiness", "same instance", "same target")
_concept("crosszone", "cross zone", "crosszone", "cross az load balancing")
_concept("deregistration", "deregistration", "de registration", "deregister", "deregistered",
         "connection draining", "draining", "deregistration delay")
_concept("targetgroup", "target group", "target groups", "tg")
_concept("healthcheck", "health check", "health checks", "healthcheck")
_concept("asg", "asg", "asgs", "auto scaling group", "autoscaling group", "auto scaling",
         "autoscaling groups", "auto scaling groups", "scaling group", "scaling groups")
_concept("cooldown", "cooldown", "cool down", "cooldown period", "warm up period")
_concept("targettracking", "target tracking", "target tracking scaling")
_concept("sslterm", "ssl termination", "tls termination", "ssl offload", "tls offload", "ssl offloading",
         "tls offloading", "offload ssl", "offload tls",
         "https termination")
_concept("ssl tls", "ssl", "tls")
_concept("xforwardedfor", "x forwarded for", "xff", "client ip")

# --- databases and caches --------------------------------------------------------
_concept("rds", "rds", "relational database service", "relational database",
         "relational databases")
_concept("aurora", "aurora", "amazon aurora")
_concept("readreplica", "read replica", "read replicas", "replica", "replicas", "read copy",
         "read only copy", "read only replica", "readreplica")
_concept("pitr", "pitr", "pit", "point in time", "point in time recovery",
         "point in time restore")
_concept("storageautoscaling", "storage autoscaling", "storage auto scaling",
         "maximum storage threshold", "storage threshold", "running out of storage")
_concept("rdsproxy", "rds proxy", "db proxy", "database proxy")
_concept("pool", "connection pool", "connection pooling", "pooling", "pool")
_concept("elasticache", "elasticache", "elastic cache", "elasti cache", "in memory cache",
         "caching layer", "cache cluster")
_concept("memorydb", "memorydb", "memory db", "amazon memorydb")
_concept("memcached", "memcached", "memcache")
_concept("aof", "aof", "append only file", "append only")
_concept("sharding", "sharding", "shard", "shards", "partitioning", "partition", "partitions")
_concept("cachehit", "cache hit", "cache hits")
_concept("cachemiss", "cache miss", "cache misses", "lazy loading", "cache aside")
_concept("ttl invalidate", "ttl", "time to live")
_concept("timeout", "timeout", "time out", "timed out", "times out")
_concept("failover", "failover", "fail over", "failovers", "failing over")
_concept("dr", "dr", "disaster recovery")
_concept("ha availability", "ha", "high availability", "highly available")
_concept("vertical scaling", "vertical scaling", "scale up", "scaling up", "scale vertically",
         "bigger instance", "larger instance")

# --- identity, security, billing ----------------------------------------------------
_concept("iam", "iam", "identity and access management")
_concept("iamrole", "iam role", "iam roles", "instance role", "instance profile",
         "service role")
_concept("mfa", "mfa", "multi factor authentication", "two factor authentication", "2fa")
_concept("accesskey", "access key", "access keys", "access key id", "secret access key")
_concept("kms", "kms", "key management service")
_concept("arn", "arn", "amazon resource name")
_concept("rootuser", "root user", "root account", "account owner")
_concept("encryption", "encryption", "encrypted", "encrypt", "unencrypted", "at rest")
_concept("cli", "cli", "command line", "command line interface")
_concept("sdk", "sdk", "software development kit", "boto", "boto3")
_concept("secretsmanager", "secrets manager", "secret manager")

# --- DNS ------------------------------------------------------------------------------
_concept("dns", "dns", "domain name system", "domain name service")
_concept("route53", "route53", "route 53")
_concept("tld", "tld", "top level domain", "top level domains")
_concept("sld", "second level domain", "sld")
_concept("fqdn", "fqdn", "fully qualified domain name")
_concept("cname", "cname", "canonical name", "alias record")
_concept("arecord record", "a record", "a records")
_concept("aaaa record", "aaaa", "aaaa record", "ipv6 record")
_concept("nsrecord record", "ns record", "name server record")
_concept("nameserver", "name server", "name servers", "nameserver", "nameservers")
_concept("zoneapex", "zone apex", "apex domain", "naked domain", "root domain")
_concept("hostedzone", "hosted zone", "hosted zones")
_concept("registrar", "registrar", "domain registrar", "register a domain", "buy a domain")
_concept("cloudfront", "cloudfront", "cloud front", "cdn", "content delivery network")
_concept("cloudwatch", "cloudwatch", "cloud watch")

# --- services the notes may not cover (so that "code deploy" is one name) -------------
_concept("codedeploy", "codedeploy", "code deploy")
_concept("codebuild", "codebuild", "code build")
_concept("codecommit", "codecommit", "code commit")
_concept("codepipeline", "codepipeline", "code pipeline")
_concept("codeartifact", "codeartifact", "code artifact")
_concept("codestar", "codestar", "code star")
_concept("codeguru", "codeguru", "code guru")
_concept("cloudformation", "cloudformation", "cloud formation", "cfn")
_concept("cloudtrail", "cloudtrail", "cloud trail")
_concept("apigateway", "api gateway", "apigateway", "api gw")
_concept("stepfunctions", "step functions", "step function", "stepfunctions")
_concept("xray", "x ray", "xray")
_concept("beanstalk", "elastic beanstalk", "beanstalk", "eb")
_concept("dynamodb", "dynamodb", "dynamo db", "dynamo", "dax")
_concept("eventbridge", "eventbridge", "event bridge", "cloudwatch events")
_concept("parameterstore", "parameter store", "ssm parameter store", "ssm")
_concept("s3", "s3", "simple storage service")
_concept("cognito", "cognito", "user pool", "user pools", "identity pool", "identity pools")
_concept("sam", "sam", "serverless application model")
_concept("cdk", "cdk", "cloud development kit")
_concept("ecr", "ecr", "elastic container registry")
_concept("ecs", "ecs", "elastic container service")
_concept("eks", "eks", "elastic kubernetes service", "kubernetes")
_concept("sqs", "sqs", "simple queue service")
_concept("sns", "sns", "simple notification service")
_concept("ses", "ses", "simple email service")
_concept("kinesis", "kinesis", "data streams", "firehose")
_concept("appsync", "appsync", "app sync", "graphql")
_concept("opensearch", "opensearch", "open search", "elasticsearch")


#: query word(s) -> words of the notes each may stand for (query side only)
RELATED_WORDS: dict[str, str] = {}


def _related(sources: str, targets: str) -> None:
    """Each word of ``sources`` may mean any word of ``targets``."""
    for word in sources.split():
        RELATED_WORDS[word] = f"{RELATED_WORDS.get(word, '')} {targets}".strip()


#: tokens naming AWS services and features: unknown to the notes = not covered
AWS_NAMES: frozenset[str] = frozenset("""
    codedeploy codebuild codecommit codepipeline codeartifact codestar codeguru cloudformation
    cloudtrail apigateway stepfunctions xray beanstalk dynamodb eventbridge parameterstore s3
    cognito sam cdk ecr ecs eks fargate sqs sns ses kinesis appsync opensearch lambda athena
    glue redshift emr sagemaker quicksight amplify cloud9 lightsail macie guardduty
    shield waf acm sts systemsmanager ssm appconfig
    secretsmanager cloudwatch cloudfront route53 vpc iam kms rds aurora elasticache memorydb
    ec2 ebs efs elb alb nlb asg s3 glacier snowball outposts wavelength datasync
    directconnect vpn privatelink neptune documentdb keyspaces timestream qldb msk mq swf
    appflow appstream workspaces polly rekognition textract
    """.split())

#: words that carry no topic: question words, exam-stem filler, chat politeness
STOPWORDS: frozenset[str] = frozenset("""
    a an the and or but if then than so as at by for from in into of on onto to with without
    within via per about above after again against all also am any are aren be because been
    before being below between both can cannot could couldn did do does doing done down during
    each either else ever every few further get gets getting got had has have having he her here
    hers him his how however i im i'm is isn it its itself just let lets like may me might mine
    more most much must my myself need needs needed no nor not now off once one only other
    others our ours out over own please same should shouldn some such sure tell that thats the
    their theirs them themselves there these they thing things this those through thus too two
    three under until up upon us very was wasn way ways we were weren what whats when where
    whether which while who whom whose why will won would wouldn yes yet you your yours yourself
    what's how's where's there's it's
    company companies organization organisation team teams developer developers engineer
    engineers architect solution solutions option options requirement requirements require
    requires required meet meets ensure ensures best most least effective
    operational overhead minimal want wants wanted looking look plan plans
    planning currently current existing new recently following which scenario approach
    should use used using uses utilize leverage choose chose chosen pick select recommended
    recommend suggest help explain describe difference between vs versus compare comparison
    many often mean means meaning definition define what's whats tell know understand work works working
    aws amazon service services feature features thing kind something anything
    notes note question answer example e.g eg ie i.e etc okay ok hi hello thanks thank
    do does did make makes made run runs running happen happens happened
    behind across instead still even already really actually maybe likely probably
    try tries tried keep keeps kept go goes going went come comes coming give gives given
    put puts see sees seen show shows say says said think find finds found reach reaches
    able unable possible possibly whenever wherever although though since usually often
    something someone somebody anyone everyone everything nothing thing stuff lot lots
    good bad better worse right wrong true false difference differences
    """.split())
