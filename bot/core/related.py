"""Words a learner may use for a word of the notes: query side only.

Data, not logic. ``RELATED_WORDS`` maps a query word to words of the notes
it may stand for ("disk" -> "volume", "standalone" -> "promoted"); the
lookup counts such a match at a discount (``index.RELATED_WEIGHT``), and
word forms of a target count too ("promote" finds "promoted"). Unlike
``vocabulary.CONCEPTS``, nothing here rewrites the notes, so a word may
point several ways.
"""

from __future__ import annotations

#: query word -> words of the notes it may stand for (space-separated)
RELATED_WORDS: dict[str, str] = {}


def _related(sources: str, targets: str) -> None:
    """Each word of ``sources`` may mean any word of ``targets``."""
    for word in sources.split():
        RELATED_WORDS[word] = f"{RELATED_WORDS.get(word, '')} {targets}".strip()


# --- machines, starting and stopping ---------------------------------------------------
_related("server servers host hosts box computer machine vms node", "instance ec2 machine server")
_related("fleet", "instance asg")
_related("boot boots booting startup", "launch first start userdata")
_related("provision provisioning init initialization initialize",
         "userdata bootstraping install launch")
_related("reboot reboots restart restarts restarted", "stop start")
_related("shutdown shut halt stopped", "stop terminate")
_related("delete deleting destroy destroyed kill killed", "terminate terminated deleted")
_related("remove removed removing", "deregistered terminated deleted")
_related("die dies died dead crash crashes crashed broken outage down fails failing failed",
         "fail failure fails failover unhealthy hardware")
_related("patch patching troubleshoot troubleshooting debug admin", "maintenance connect ssh")
_related("logon logged signin terminal shell remote remotely", "ssh connect login logged")
_related("login", "authenticate authentication password username ssh connect")
_related("passwordless keyless", "iam authentication role temporary")

# --- storage ---------------------------------------------------------------------------
_related("disk disks drive drives hdd ssd nvme", "volume ebs drive disk storage")
_related("scratch temp tmp transient throwaway", "instancestore ephemeral temporary lost")
_related("local locally physical physically onboard direct directly", "instancestore hard attached")
_related("host", "hostname")
_related("backup backups", "snapshot backup")
_related("archive archival archived cold cheap cheapest cheaper", "archive tier cheaper")
_related("undelete recycle bin accidentally accidental mistakenly", "recover deleted retention accidental")
_related("retrieve recovery restore restoring rollback roll revert undo", "restore recover recovery pitr")
_related("instant instantly immediately rapid rapidly quick quicker faster speed", "quickly fast")
_related("mount mounting mounted share shared sharing common simultaneous simultaneously concurrent "
         "concurrently", "mounted shared multiattach efs many")
_related("folder folders directory directories files filesystem", "file efs nfs")
_related("throughput bandwidth speed perf", "performance throughput iops")
_related("reserve reserved allocate allocated preallocate", "provisioned advance")
_related("plug attach", "attach attached mounted")
_related("unplug detach", "detached")
_related("resize resizing expand expanding extend extending enlarge grow growing bigger larger",
         "increase increasing grow scale modified")
_related("full room", "storage space filled")
_related("cap ceiling max upper", "maximum limit threshhold")
_related("auto automated automatic automatically itself", "automatically automatic auto")
_related("price prices pricing priced charge charged charges fee fees spend spending cost costs "
         "costly pricey expensive", "cost pay billed fee expensive cheaper costlier money billing")
_related("invoice invoices finance accounting accountant", "billing bill")

# --- networking and security ------------------------------------------------------------
_related("whitelist whitelisting allowlist permit permitted", "allow rule sg")
_related("blacklist blocklist block blocking reject", "deny")
_related("ingress inbound incoming", "inbound traffic rule")
_related("egress outbound outgoing", "outbound outgoing traffic")
_related("restrict restricted restricting lock lockdown", "control allow locked")
_related("unreachable hang hangs hanging stuck unresponsive refused", "timeout")
_related("address addresses", "ip hostname")
_related("permanent unchanging constant", "static fixed elasticip")
_related("internal", "private")
_related("external internet facing", "public internet")
_related("caller visitor visitors originating origin", "client xforwardedfor")
_related("cert certs certificate certificates https", "ssl tls https")
_related("decrypt decryption offload", "sslterm ssl termincation")
_related("url urls uri prefix", "path url")
_related("subdomain subdomains", "sub domain hostname")
_related("microservice microservices docker containerized containers", "ecs container task")
_related("inspect inspection inspects examine scan scanning appliance appliances",
         "analyse gwlb packet")

# --- load balancing and scaling ----------------------------------------------------------
_related("distribute distributes distributed spread spreads split evenly even divide",
         "spread distributing balancing")
_related("backend backends upstream", "instance target downstream server")
_related("responding respond unresponsive unavailable", "health unhealthy respond")
_related("pin pinned pinning affinity persistence stick same", "sticky stick cookie")
_related("drain drains drained graceful gracefully finish finishing unfinished halfway "
         "pending ongoing", "inflight deregistration complete")
_related("grace", "deregistration delay")
_related("lengthen lengthened extend prolong", "delay period time longer")
_related("pull", "deregistered removed")
_related("error errors failing", "fail failure unhealthy timeout")
_related("surge surges spike spikes peak peaks burst bursts rush busy", "demand users")
_related("calendar cron recurring weekly daily nightly monday friday weekend holiday holidays",
         "schedule friday")
_related("forecast forecasting predict prediction historical history trend trends pattern patterns",
         "predictive patter")
_related("alert alerts alerting", "alarm cloudwatch")
_related("utilization utilisation usage", "cpu average")
_related("pause wait settle stabilize", "cooldown")
_related("minimum fewest", "min minimmum")
_related("elasticity horizontally", "scale asg")

# --- databases and caches ------------------------------------------------------------------
_related("engine engines flavor flavors flavour flavours vendor vendors", "type postgre mysql oracle redis memcached")
_related("snapshot snapshots", "backup restore")
_related("clone clones mirror mirrors secondary follower followers slave slaves duplicate",
         "replica readreplica standby copy")
_related("primary leader writer", "master main writer")
_related("standalone independent separate separately", "promoted own lifecycle")
_related("promote promotion", "promoted")
_related("lag lagging stale outdated behind", "asynchronous eventual latest")
_related("ago yesterday earlier previous prior", "pitr restore point time")
_related("corrupt corrupted corruption faulty", "restore recover pitr backup")
_related("standby", "multiaz standby")
_related("survive survives resilient resilience tolerant tolerance redundant redundancy",
         "failover disaster availability recovery copy")
_related("upgrade upsize beefier stronger powerful", "vertical increasing instance type")
_related("reporting analytics report reports dashboards bi", "reporting readreplica read")
_related("audit auditing auditor", "audit log")
_related("track tracking history", "log audit")
_related("monitor metrics observability watch", "monitoring dashboard cloudwatch")
_related("big biggest largest", "grow upto maximum size")
_related("under underneath beneath underlying", "backed underlying")
_related("exhaust exhausted exhausting exhausts overwhelm overwhelmed overload overloaded",
         "connection pool stress timeout")
_related("multiplex multiplexing reuse reusing", "pool share connection")
_related("credentials credential creds password passwords secret secrets",
         "credential password secret access")
_related("cart carts basket", "session state")
_related("evict eviction purge flush expire expiration expired", "invalidate ttl expiry")
_related("persist persistent durable survive", "persistence durability persisted aof")
_related("leaderboard leaderboards ranking rankings", "sorted set redis")
_related("multithreaded multithreading thread threads cores", "threaded")
_related("microsecond microseconds", "memorydb low latency")
_related("millisecond milliseconds submillisecond", "latency low cache memory")
_related("heavy", "intensive")
_related("quorum", "copy write read")
_related("cloudnative proprietary", "aurora proprietary")
_related("encrypt encrypting encryption plaintext", "encryption encrypted kms")

# --- identity, billing and DNS ---------------------------------------------------------------
_related("employee employees staff people person colleague colleagues hire hires human humans",
         "user people")
_related("department departments", "group")
_related("rights privilege privileges entitlements", "permission policy")
_related("statement statements document json", "policy effect")
_related("field fields element elements anatomy syntax components component parts", "structure")
_related("embedded embed oneoff", "inline")
_related("programmatic programmatically script scripts program programs", "cli sdk access_key")
_related("delegate delegation behalf", "behalf role")
_related("grant granted granting grants", "assign permission attach")
_related("hardcode hardcoded hardcoding", "access_key role")
_related("resolution resolver resolves resolving lookup translate translates translation",
         "resolve dns mapper")
_related("purchase purchased buy bought", "registrar register")
_related("alias aliases pointer", "cname")
_related("bare naked apex", "zoneapex")
_related("suffix extension extensions", "tld")
