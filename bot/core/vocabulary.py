"""What words mean to the lookup: acronyms, synonyms, paraphrases and filler.

Data, not logic. ``CONCEPTS`` maps each way of saying a thing to the tokens
it stands for, on both sides (notes and queries): "auto scaling group",
"autoscaling groups" and "ASG" all become ``asg``, so either spelling finds
the other. The first token is the concept itself; later ones are broader
terms it implies ("application load balancer" is also a load balancer).

Services and features by name, for declining, are in ``aws_topics``; words
a query may use for a word of the notes ("disk" for "volume") in ``related``.
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
_concept("functionality", "functionality", "functionalities", "building blocks", "building block",
         "main functions", "main parts", "main components")
_concept("multiattach", "multi attach", "multiattach", "multi attached")
_concept("fsr", "fsr", "fast snapshot restore", "fast snapshot restores")
_concept("gp2 gp3", "general purpose ssd", "general purpose volume")
_concept("iops", "iops", "io per second", "input output operations per second", "io operations")
_concept("ia", "infrequent access", "ia")
_concept("az", "az", "azs", "availability zone", "availability zones", "zone", "zones")
_concept("multiaz az", "multi az", "multiaz", "multi availability zone", "multiple az",
         "multiple azs", "multiple availability zones", "standby replica", "standby instance")
_concept("zonefile", "zone file", "zone files", "records file", "record file", "dns records file")
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
         "relational databases", "managed sql database", "managed relational database")
_concept("aurora", "aurora", "amazon aurora")
_concept("readreplica", "read replica", "read replicas", "replica", "replicas", "read copy",
         "read only copy", "read only replica", "readreplica")
_concept("pitr", "pitr", "pit", "point in time", "point in time recovery",
         "point in time restore")
_concept("storageautoscaling", "storage autoscaling", "storage auto scaling",
         "maximum storage threshold", "storage threshold", "running out of storage",
         "runs out of storage", "run out of storage", "out of storage", "nearly full", "almost full",
         "disk full", "storage full", "running out of space", "runs out of space",
         "run out of space", "out of disk space", "free storage space")
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
_concept("accesskey", "access key", "access keys", "access key id", "secret access key",
         "long term credentials", "long lived credentials", "static credentials",
         "hardcoded credentials", "hard coded credentials", "credentials in code",
         "embedded credentials")
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

# --- what a learner may call them instead (phrases; single words are in ``related``) ---
_concept("az", "data center", "data centers", "data centre", "data centres", "datacenter",
         "datacenters", "datacentre", "isolated location", "isolated locations", "second zone",
         "second az", "another zone", "another az", "other az", "other zone", "different az",
         "different zone", "separate zone", "separate az")
_concept("crossregion", "another aws region", "different aws region", "remote region",
         "another geography", "another continent", "another country")
_concept("instancestore", "scratch disk", "scratch disks", "scratch space", "scratch storage",
         "scratch volume", "temporary storage", "temp storage", "temporary disk", "physically attached",
         "locally attached", "directly attached", "local storage", "host storage", "host disk",
         "local drive", "local volume", "ephemeral disk", "ephemeral drive")
_concept("ebs", "network drive", "network attached drive", "virtual drive", "virtual drives",
         "virtual disk", "persistent disk", "persistent volume", "usb stick")
_concept("efs nfs", "shared file storage", "shared storage", "shared drive", "shared folder",
         "shared directory", "network share", "file share", "nfs share", "shared filesystem",
         "shared file systems", "network file share")
_concept("multiattach", "attach to multiple instances", "attached to multiple instances",
         "attach to several instances", "same volume", "same ebs volume", "same block storage",
         "shared block storage", "shared volume", "shared ebs volume", "one volume to many instances")
_concept("fsr", "fast restore", "instant restore", "prewarm", "pre warm", "pre warmed")
_concept("snapshot", "point in time copy", "point in time copies", "volume backup", "volume backups", "disk backup", "disk backups",
         "ebs backup", "ebs backups")
_concept("archive", "archive tier", "snapshot archive", "cold storage", "cold tier",
         "archive storage", "archival storage", "archival tier")
_concept("retention", "retention period", "recycle bin", "retention rule")
_concept("userdata", "cloud init", "init script", "bootstrap script", "first boot", "at boot",
         "on boot", "provisioning script")
_concept("keypair", "key file", "pem file", "ppk file", "ssh key pair", "ssh credentials",
         "ssh credential", "key file format", "key file formats")
_concept("instanceconnect", "instance connect", "ec2 instance connect", "browser based ssh",
         "browser ssh", "web based ssh", "ssh from the browser", "ssh in the browser",
         "browser terminal", "web terminal", "terminal in the browser", "connect from the browser")
_concept("sg", "packet filter", "stateful firewall", "stateful filter", "traffic filter",
         "firewall rule", "firewall rules", "inbound rule", "inbound rules", "outbound rule",
         "outbound rules", "port rules", "instance level firewall", "allow rules")
_concept("elasticip", "static address", "fixed address", "permanent ip", "static public ip",
         "fixed public ip", "static ipv4")
_concept("privateip", "internal ip", "internal address", "private address")
_concept("publicip", "external ip", "external address", "public address")
_concept("xforwardedfor", "client ip address", "client address", "caller ip", "caller address",
         "source ip", "source address", "visitor ip", "visitor address", "user ip", "real ip",
         "original ip", "originating ip", "end user ip", "remote ip", "remote address",
         "forwarded header", "ip address of the client", "ip address of each client",
         "ip addresses of the clients", "ip addresses of clients", "ip of the client",
         "address of the client", "address of each client", "ip address of the user",
         "ip address of the caller", "ip address of the visitor")
_concept("sticky", "session persistence",
         "persistent sessions", "sticky cookie")
_concept("deregistration", "in flight requests", "inflight requests", "in flight", "inflight",
         "graceful shutdown", "drain connections", "connection drain")
_concept("crosszone", "cross zone balancing", "zone balancing", "inter az", "inter zone",
         "inter availability zone", "between availability zones", "between azs", "between zones")
_concept("login", "log in", "log into", "log on", "logged in", "logs into", "logged into",
         "sign in", "signed in", "login", "logon")
_concept("healthcheck", "health probe", "health probes", "liveness check", "heartbeat")
_concept("sslterm", "decrypt https", "terminate ssl", "terminate tls", "terminate https",
         "ssl decryption", "https offload")
_concept("asg", "scaling policy", "scaling policies", "autoscale", "auto scale")
_concept("stepscaling", "step scaling", "simple scaling", "step scaling policy")
_concept("scheduledscaling", "scheduled scaling", "scheduled action", "scheduled actions",
         "schedules actions", "schedule actions")
_concept("predictive", "predictive scaling", "forecast scaling", "machine learning scaling")
_concept("pathrouting alb", "path based routing", "host based routing", "url based routing",
         "content based routing", "hostname based routing", "header based routing",
         "query string routing", "routing based on path", "routing based on hostname",
         "routing based on query string", "host header", "host headers", "url path", "url paths",
         "based on the path", "based on the host", "based on host", "based on path")
_concept("gwlb elb", "third party appliances", "third party appliance", "virtual appliance",
         "virtual appliances", "security appliance", "security appliances", "firewall appliance",
         "firewall appliances", "network appliance", "network appliances", "traffic inspection",
         "packet inspection", "deep packet inspection", "inspect traffic")
_concept("vertical scaling", "more powerful instance", "more powerful machine",
         "more powerful server", "bigger machine", "bigger server", "larger machine",
         "larger server", "bigger database", "larger database", "more cpu", "more memory",
         "more ram", "instance class", "instance size", "larger instance type",
         "bigger instance type", "upgrade the instance", "resize the instance", "scale the instance")
_concept("multiaz az", "hot standby", "warm standby", "passive standby", "standby database",
         "standby db", "standby copy", "synchronous standby", "synchronous replica",
         "synchronous replication", "sync replica")
_concept("pitr", "restore to a point", "earlier point", "specific time", "any point",
         "go back in time", "roll back the database")
_concept("pool", "too many connections", "connection limit", "max connections",
         "maximum connections", "connection exhaustion", "connection storm", "reuse connections",
         "connection reuse", "share connections", "pool connections", "connection pooler")
_concept("sessiondata", "session data", "session state", "session store", "user session",
         "user sessions", "shopping cart", "shopping carts", "cart data")
_concept("elasticache", "hot data", "frequently accessed data", "frequently read data",
         "repeated reads", "repeatedly read", "cache frequently")
_concept("sortedset", "sorted set", "sorted sets", "leaderboard", "leaderboards")
_concept("ttl invalidate", "cache invalidation", "invalidate cache", "stale cache", "cache expiry",
         "cache expiration")
_concept("auditlog", "audit log", "audit logs", "audit logging", "query log", "query logs",
         "query logging", "database logs", "db logs", "slow query log")
_concept("memorydb", "redis compatible", "durable redis")
_concept("aurora", "built by aws", "aws built", "aws own database", "amazon own database",
         "cloud native database", "aws proprietary")
_concept("rootuser", "main account", "account root")
_concept("dns", "domain name resolution", "name resolution")
_concept("fqdn", "full domain name", "complete domain name", "full hostname")
_concept("zoneapex", "bare domain", "root of the domain", "apex record", "top of the zone", "top node")
_concept("nameserver", "dns server", "dns servers", "authoritative server", "authoritative servers")
_concept("registrar", "domain seller", "buy domain", "buy domains", "purchase a domain",
         "register domain", "register domains", "domain purchase")


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
    always never sometimes usually constantly regularly generally typically simply simplest easiest
    """.split())

#: plain words a query about any topic may use: they count half ("app", "support")
GENERIC: frozenset[str] = frozenset("""
    app apps project projects support supports supported stay stays become becomes fit fits
    defined define accepted accept created creating create different specific particular handle
    handles improve provide provides perform performs process issue issues idea goal part parts
    place list total together trying took refer remember reply risk setting situation mentioned
    explicitly normally individually intended helpful hence enough certain completely complete
    along around afterward alternatively additional associated ask click displayed grand hand
    interact less longer non outside passed post range receive received selecting specified
    specify stand switch take takes talk update updated updates expect consist contain count fine
    """.split())

#: real words one letter away from a word of a phrase: never read as its typo
#: ("sharing" is not "sharding", "trading" not "tracing", "could start" not "cold start")
REAL_WORDS: frozenset[str] = frozenset("""
    sharing sharded trading could some save stop used show made move come like count their field
    even interval remove removed stuck talk taken taking trait leader lagging cert called charge
    spend plain fine fire fill post room reboot stay later busy both
    """.split())
