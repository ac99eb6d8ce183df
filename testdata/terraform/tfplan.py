"""Builds Terraform plan JSON (`terraform show -json PLANFILE`, format_version 1.2) by hand.

No Terraform binary is used. The helpers below reproduce what Terraform 1.9's
internal/command/jsonplan and jsonstate packages do with a resource's before and after values,
so one description of a resource gives mutually consistent `resource_changes`, `planned_values`
and `prior_state`:

* `after` omits attributes whose value is unknown; an unknown element of a list becomes null
  (jsonplan.omitUnknowns).
* `after_unknown` is `{}` when `after` is wholly known, otherwise a mirror of `after` with `true`
  for unknown values, `[]` for empty lists, `[false, ...]` for lists and known keys omitted
  (jsonplan.unknownAsBool).
* `before_sensitive` / `after_sensitive` mirror the value with `true` where sensitive, known
  primitives omitted from objects, `false` inside lists, `false` for a null object
  (jsonstate.SensitiveAsBool).
* `planned_values` holds every instance in the changes except deletions, with the `after`
  value; `prior_state` holds the refreshed state (the `before` of every change that has one,
  and data sources read during planning).
* resource_changes are in Terraform's address order (root module first, data before managed,
  then type, name, key).

Markers: U is a value known only after apply (a primitive), UL a whole unknown list or set, UO a
whole unknown object. S(value) marks a value sensitive.
"""

import copy
import json


class _Unknown:
    def __init__(self, kind):
        self.kind = kind

    def __repr__(self):
        return "U" + self.kind


U = _Unknown("")
UL = _Unknown("L")
UO = _Unknown("O")


class S:
    """A sensitive value (a mark on the whole subtree)."""

    def __init__(self, v):
        self.v = v


TF_VERSION = "1.9.5"
TIMESTAMP = "2025-03-14T09:26:53Z"

AWS = "registry.terraform.io/hashicorp/aws"
CLOUDFLARE = "registry.terraform.io/cloudflare/cloudflare"
GOOGLE = "registry.terraform.io/hashicorp/google"
AZURERM = "registry.terraform.io/hashicorp/azurerm"
RANDOM = "registry.terraform.io/hashicorp/random"


def srt(v):
    """Objects in cty's order (attribute names sorted), recursively."""
    if isinstance(v, S):
        return S(srt(v.v))
    if isinstance(v, dict):
        return {k: srt(v[k]) for k in sorted(v)}
    if isinstance(v, list):
        return [srt(x) for x in v]
    return v


def plain(v):
    if isinstance(v, S):
        return plain(v.v)
    if isinstance(v, _Unknown):
        raise ValueError("unknown value where a known one is required")
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def has_unknown(v):
    if isinstance(v, S):
        return has_unknown(v.v)
    if isinstance(v, _Unknown):
        return True
    if isinstance(v, dict):
        return any(has_unknown(x) for x in v.values())
    if isinstance(v, list):
        return any(has_unknown(x) for x in v)
    return False


_DROP = object()


def omit_unknowns(v):
    if isinstance(v, S):
        return omit_unknowns(v.v)
    if isinstance(v, _Unknown):
        return _DROP
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            y = omit_unknowns(x)
            if y is not _DROP:
                out[k] = y
        return out
    if isinstance(v, list):
        return [None if y is _DROP else y for y in (omit_unknowns(x) for x in v)]
    return v


def unknown_as_bool(v):
    if isinstance(v, S):
        return unknown_as_bool(v.v)
    if v is None:
        return False
    if isinstance(v, _Unknown):
        return True
    if isinstance(v, list):
        return [unknown_as_bool(x) for x in v]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            b = unknown_as_bool(x)
            if b is not False:
                out[k] = b
        return out
    return False


def sensitive_as_bool(v):
    if isinstance(v, S):
        return True
    if v is None:
        return False
    if isinstance(v, _Unknown):
        return {"": False, "L": [], "O": {}}[v.kind]
    if isinstance(v, list):
        return [sensitive_as_bool(x) for x in v]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            b = sensitive_as_bool(x)
            if b is not False:
                out[k] = b
        return out
    return False


def index_text(index):
    if index is None:
        return ""
    if isinstance(index, int):
        return "[%d]" % index
    return "[%s]" % json.dumps(index)


class Inst:
    """One resource instance: its prior value (`before`), planned value (`after`), actions.

    actions None: in the prior state only (e.g. a data source read while planning).
    """

    def __init__(self, type, name, provider, schema_version, before=None, after=None, actions=None,
                 index=None, module=None, mode="managed", action_reason=None, replace_paths=None,
                 depends_on=None):
        self.type = type
        self.name = name
        self.provider = provider
        self.schema_version = schema_version
        self.before = srt(before) if before is not None else None
        self.after = srt(after) if after is not None else None
        self.actions = actions
        self.index = index
        self.module = module
        self.mode = mode
        self.action_reason = action_reason
        self.replace_paths = replace_paths
        self.depends_on = depends_on
        if actions == ["no-op"] and after is None:
            self.after = copy.deepcopy(self.before)

    @property
    def local_address(self):
        return ("data." if self.mode == "data" else "") + self.type + "." + self.name + index_text(self.index)

    @property
    def address(self):
        return (self.module + "." if self.module else "") + self.local_address

    def sort_key(self):
        mod = self.module or ""
        depth = mod.count("module.")
        if isinstance(self.index, int):
            key = (0, self.index, "")
        elif self.index is None:
            key = (-1, 0, "")
        else:
            key = (1, 0, self.index)
        return (depth, mod, 0 if self.mode == "data" else 1, self.type, self.name, key)

    def in_prior_state(self):
        if self.before is None:
            return False
        return self.actions is None or self.actions[0] != "create" or len(self.actions) > 1

    def in_planned_values(self):
        return self.actions is not None and self.actions != ["delete"]

    def change(self):
        before, after = self.before, self.after
        c = {"actions": self.actions}
        c["before"] = None if before is None else plain(before)
        c["after"] = None if after is None else omit_unknowns(after)
        c["after_unknown"] = unknown_as_bool(after) if after is not None and has_unknown(after) else {}
        c["before_sensitive"] = False if before is None else sensitive_as_bool(before)
        c["after_sensitive"] = False if after is None else sensitive_as_bool(after)
        if self.replace_paths:
            c["replace_paths"] = self.replace_paths
        r = {"address": self.address}
        if self.module:
            r["module_address"] = self.module
        r["mode"] = self.mode
        r["type"] = self.type
        r["name"] = self.name
        if self.index is not None:
            r["index"] = self.index
        r["provider_name"] = self.provider
        r["change"] = c
        if self.action_reason:
            r["action_reason"] = self.action_reason
        return r

    def value_resource(self, value, state):
        r = {"address": self.address, "mode": self.mode, "type": self.type, "name": self.name}
        if self.index is not None:
            r["index"] = self.index
        r["provider_name"] = self.provider
        r["schema_version"] = self.schema_version
        r["values"] = plain(value) if state else omit_unknowns(value)
        r["sensitive_values"] = sensitive_as_bool(value)
        if state and self.depends_on:
            r["depends_on"] = self.depends_on
        return r


def _modules(insts, value_of, state):
    root = []
    children = {}
    for i in sorted(insts, key=lambda i: i.address):
        res = i.value_resource(value_of(i), state)
        if i.module:
            children.setdefault(i.module, []).append(res)
        else:
            root.append(res)
    m = {}
    if root:
        m["resources"] = root
    if children:
        m["child_modules"] = [{"resources": children[k], "address": k} for k in sorted(children)]
        # Terraform writes a child module's address after its resources (jsonstate module struct).
    return m


def plan(insts, configuration, variables=None, outputs=None, output_changes=None, drift=None,
         relevant_attributes=None):
    changes = sorted([i for i in insts if i.actions is not None], key=Inst.sort_key)
    p = {"format_version": "1.2", "terraform_version": TF_VERSION}
    if variables:
        p["variables"] = {k: {"value": v} for k, v in sorted(variables.items())}
    pv = {}
    if outputs:
        pv["outputs"] = outputs
    pv["root_module"] = _modules([i for i in changes if i.in_planned_values()], lambda i: i.after, False)
    p["planned_values"] = pv
    if drift:
        p["resource_drift"] = [d.change() for d in drift]
    p["resource_changes"] = [i.change() for i in changes]
    if output_changes:
        p["output_changes"] = output_changes
    prior = [i for i in insts if i.in_prior_state()]
    if prior:
        p["prior_state"] = {
            "format_version": "1.0",
            "terraform_version": TF_VERSION,
            "values": {"root_module": _modules(prior, lambda i: i.before, True)},
        }
    p["configuration"] = configuration
    if relevant_attributes:
        p["relevant_attributes"] = relevant_attributes
    p["timestamp"] = TIMESTAMP
    p["applyable"] = True
    p["complete"] = True
    p["errored"] = False
    return p


# ------------------------------------------------------------------ configuration helpers

def C(v):
    """A constant expression."""
    return {"constant_value": v}


def R(*refs):
    """A reference expression; Terraform lists the attribute and then the object it belongs to."""
    out = []
    for ref in refs:
        out.append(ref)
        parts = ref.split(".")
        if ref.startswith("data.") and len(parts) > 3:
            out.append(".".join(parts[:3]))
        elif ref.startswith("module.") and len(parts) > 2:
            out.append(".".join(parts[:2]))
        elif not ref.startswith(("var.", "local.", "each.", "count.", "data.", "module.")) and len(parts) > 2:
            out.append(".".join(parts[:2]))
    return {"references": out}


def cres(type, name, key, schema_version, expressions, mode="managed", count=None, for_each=None,
         depends_on=None):
    r = {"address": ("data." if mode == "data" else "") + type + "." + name, "mode": mode, "type": type,
         "name": name, "provider_config_key": key, "expressions": expressions,
         "schema_version": schema_version}
    if count is not None:
        r["count_expression"] = count
    if for_each is not None:
        r["for_each_expression"] = for_each
    if depends_on:
        r["depends_on"] = depends_on
    return r


def provider(name, full, version, expressions=None):
    p = {"name": name, "full_name": full, "version_constraint": version}
    if expressions:
        p["expressions"] = expressions
    return p


def write(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


# ------------------------------------------------------------------ AWS Route 53

def fqdn(name, zone):
    """aws_route53_record's fqdn: the name, with the zone appended when it is relative."""
    n = name.rstrip(".").lower()
    if zone is None or n == zone or n.endswith("." + zone):
        return n
    return n + "." + zone


def r53(zone_id, zone, name, rtype, ttl=None, records=None, alias=None, set_id=None, weight=None,
        failover=None, latency=None, geo=None, health=None, multivalue=None, allow_overwrite=None,
        new=False):
    """aws_route53_record (AWS provider 5.x, schema version 2).

    new=False: as the provider's Read leaves it in state (unset strings "", unset bool false,
    blocks' unset fields ""); new=True: as planned for a create (computed fqdn/id and
    allow_overwrite unknown, unset arguments null).
    """
    if isinstance(records, list):
        records = sorted(records)  # a set of strings: cty orders it
    if new:
        geo_obj = None if geo is None else {"continent": geo.get("continent"), "country": geo.get("country"),
                                            "subdivision": geo.get("subdivision")}
    else:
        geo_obj = None if geo is None else {"continent": geo.get("continent", ""), "country": geo.get("country", ""),
                                            "subdivision": geo.get("subdivision", "")}
    v = {
        "alias": [] if alias is None else [{"evaluate_target_health": alias[2], "name": alias[0], "zone_id": alias[1]}],
        "allow_overwrite": (U if allow_overwrite is None else allow_overwrite) if new else allow_overwrite,
        "cidr_routing_policy": [],
        "failover_routing_policy": [] if failover is None else [{"type": failover}],
        "fqdn": U if new else fqdn(name, zone),
        "geolocation_routing_policy": [] if geo_obj is None else [geo_obj],
        "geoproximity_routing_policy": [],
        "health_check_id": health if new else (health or ""),
        "id": U if new else "_".join([zone_id, name.rstrip(".").lower(), rtype] + ([set_id] if set_id else [])),
        "latency_routing_policy": [] if latency is None else [{"region": latency}],
        "multivalue_answer_routing_policy": multivalue if new else bool(multivalue),
        "name": name.rstrip(".").lower(),
        "records": records,
        "set_identifier": set_id if new else (set_id or ""),
        "ttl": ttl,
        "type": rtype,
        "weighted_routing_policy": [] if weight is None else [{"weight": weight}],
        "zone_id": zone_id,
    }
    return v


def r53_zone(zone_id, name, name_servers, new=False, comment="Managed by Terraform"):
    """aws_route53_zone (schema version 0)."""
    if new:
        return {"arn": U, "comment": comment, "delegation_set_id": None, "force_destroy": False, "id": U,
                "name": name, "name_servers": UL, "primary_name_server": U, "tags": None, "tags_all": UO,
                "vpc": [], "zone_id": U}
    return {"arn": "arn:aws:route53:::hostedzone/" + zone_id, "comment": comment, "delegation_set_id": "",
            "force_destroy": False, "id": zone_id, "name": name, "name_servers": list(name_servers),
            "primary_name_server": name_servers[0], "tags": None, "tags_all": {}, "vpc": [], "zone_id": zone_id}


AWS_NS = ["ns-1536.awsdns-00.co.uk", "ns-0.awsdns-00.com", "ns-1024.awsdns-00.org", "ns-512.awsdns-00.net"]


def aws_provider_config():
    return {"aws": provider("aws", AWS, "~> 5.80", {"region": C("us-east-1")})}


def updated(before, **changes):
    a = copy.deepcopy(before)
    for k, v in changes.items():
        a[k] = v
    return srt(a)


# ------------------------------------------------------------------ Cloudflare provider 4.x

CF4_DATA_KEYS = ["algorithm", "altitude", "certificate", "content", "digest", "digest_type", "fingerprint", "flags",
                 "key_tag", "lat_degrees", "lat_direction", "lat_minutes", "lat_seconds", "long_degrees",
                 "long_direction", "long_minutes", "long_seconds", "matching_type", "name", "order", "port",
                 "precision_horz", "precision_vert", "preference", "priority", "proto", "protocol", "public_key",
                 "regex", "replacement", "selector", "service", "size", "tag", "target", "type", "usage", "value",
                 "weight"]
CF4_DATA_STRINGS = {"certificate", "content", "digest", "fingerprint", "flags", "lat_direction", "long_direction",
                    "name", "proto", "public_key", "regex", "replacement", "service", "tag", "target", "value"}


def cf4_data(fields, new):
    """cloudflare_record's `data` block (a list of one object). In state the SDK fills every
    field the API did not return with its zero value; in a plan for a create, unset fields are null."""
    obj = {}
    for k in CF4_DATA_KEYS:
        if k in fields:
            obj[k] = fields[k]
        elif new:
            obj[k] = None
        else:
            obj[k] = "" if k in CF4_DATA_STRINGS else 0
    return [obj]


def cf4(zone_id, zone, name, rtype, content=None, ttl=1, proxied=None, priority=None, data=None, rid=None,
        api_content=None, created="2024-02-11T08:15:42.118023Z", proxiable=None, new=False, use_value=False):
    """cloudflare_record (Cloudflare provider 4.x, schema version 3).

    `content` is what the configuration sets (or `value`, the deprecated spelling, when use_value);
    the provider keeps both attributes, each computed from the API's content when not configured.
    api_content is the API's content for data-form records (SRV, CAA).
    """
    host = zone if name == "@" else (name if name == zone or name.endswith("." + zone) else name + "." + zone)
    if proxiable is None:
        proxiable = rtype in ("A", "AAAA", "CNAME")
    if new:
        cv = content if content is not None else U
        return {
            "allow_overwrite": False, "comment": None,
            "content": U if use_value or content is None else content,
            "created_on": U, "data": [] if data is None else cf4_data(data, True), "hostname": U, "id": U,
            "metadata": UO, "modified_on": U, "name": name, "priority": priority, "proxiable": U,
            "proxied": proxied, "tags": None, "timeouts": None, "ttl": ttl, "type": rtype,
            "value": cv if use_value else U, "zone_id": zone_id,
        }
    c = content if content is not None else api_content
    return {
        "allow_overwrite": False, "comment": "", "content": c, "created_on": created,
        "data": [] if data is None else cf4_data(data, False), "hostname": host, "id": rid,
        "metadata": {"auto_added": "false", "managed_by_apps": "false", "managed_by_argo_tunnel": "false"},
        "modified_on": created, "name": name, "priority": priority, "proxiable": proxiable,
        "proxied": bool(proxied), "tags": [], "timeouts": None, "ttl": ttl, "type": rtype, "value": c, "zone_id": zone_id,
    }


def cf4_zone(zone_id, zone, account_id):
    """cloudflare_zone (Cloudflare provider 4.x, schema version 0)."""
    return {"account_id": account_id, "id": zone_id, "jump_start": False,
            "meta": {"phishing_detected": False, "wildcard_proxiable": False},
            "name_servers": ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"], "paused": False, "plan": "free",
            "status": "active", "type": "full", "vanity_name_servers": [], "verification_key": "", "zone": zone}


# ------------------------------------------------------------------ Cloudflare provider 5.x

CF5_DATA_KEYS = ["algorithm", "altitude", "certificate", "digest", "digest_type", "fingerprint", "flags", "key_tag",
                 "lat_degrees", "lat_direction", "lat_minutes", "lat_seconds", "long_degrees", "long_direction",
                 "long_minutes", "long_seconds", "matching_type", "order", "port", "precision_horz",
                 "precision_vert", "preference", "priority", "protocol", "public_key", "regex", "replacement",
                 "selector", "service", "size", "tag", "target", "type", "usage", "value", "weight"]


def cf5_data(fields):
    """cloudflare_dns_record's `data`: one object (a nested attribute), unset fields null."""
    return {k: fields.get(k) for k in CF5_DATA_KEYS}


CF5_COMPUTED = ["comment_modified_on", "created_on", "meta", "modified_on", "proxiable", "tags_modified_on"]


def cf5(zone_id, name, rtype, content=None, ttl=1, proxied=False, priority=None, data=None, rid=None,
        created="2024-09-03T14:02:55.301884Z", proxiable=None, new=False):
    """cloudflare_dns_record (Cloudflare provider 5.x, plugin framework, schema version 0).

    new=True: a create; every computed attribute not in the configuration is unknown. For an
    update use cf5_update(): the framework marks computed attributes without a
    UseStateForUnknown modifier unknown whenever the resource changes.
    """
    if proxiable is None:
        proxiable = rtype in ("A", "AAAA", "CNAME")
    v = {
        "comment": None, "comment_modified_on": None, "content": content, "created_on": created,
        "data": None if data is None else cf5_data(data), "id": rid, "meta": "{}", "modified_on": created,
        "name": name, "priority": priority, "proxiable": proxiable, "proxied": proxied,
        "settings": {"flatten_cname": False, "ipv4_only": False, "ipv6_only": False}, "tags": [],
        "tags_modified_on": None, "ttl": ttl, "type": rtype, "zone_id": zone_id,
    }
    if new:
        for k in CF5_COMPUTED:
            v[k] = U
        v["id"] = U
        v["settings"] = UO
        v["tags"] = UL
        if data is None:
            v["data"] = UO
    return v


def cf5_update(before, data_configured=False, **changes):
    a = copy.deepcopy(before)
    for k in CF5_COMPUTED:
        a[k] = U
    a["settings"] = UO
    a["tags"] = UL
    if not data_configured:
        a["data"] = UO
    for k, v in changes.items():
        a[k] = v
    return srt(a)


# ------------------------------------------------------------------ Google Cloud DNS

def gdns(project, zone_name, name, rtype, ttl, rrdatas=None, routing=None, new=False):
    """google_dns_record_set (Google provider 6.x, schema version 0). `routing` is the
    routing_policy object without the list wrapper."""
    return {"id": U if new else "projects/%s/managedZones/%s/rrsets/%s/%s" % (project, zone_name, name, rtype),
            "managed_zone": zone_name, "name": name, "project": project,
            "routing_policy": [] if routing is None else [routing],
            "rrdatas": rrdatas if rrdatas is not None else (None if new else []),
            "ttl": ttl, "type": rtype}


def gdns_routing(wrr=None, geo=None, new=False):
    def item(d, key):
        return {"health_checked_targets": [], key: d[key], "rrdatas": d["rrdatas"]}
    return {"enable_geo_fencing": None if new else False,
            "geo": [item(g, "location") for g in (geo or [])],
            "health_check": None if new else "",
            "primary_backup": [],
            "wrr": [item(w, "weight") for w in (wrr or [])]}


def gdns_zone(project, name, dns_name, zone_id):
    """google_dns_managed_zone (schema version 0)."""
    return {"cloud_logging_config": [{"enable_logging": False}], "creation_time": "2023-11-20T16:42:07.512Z",
            "description": "Managed by Terraform", "dns_name": dns_name, "dnssec_config": [],
            "effective_labels": {"goog-terraform-provisioned": "true"}, "force_destroy": False,
            "forwarding_config": [], "id": "projects/%s/managedZones/%s" % (project, name), "labels": None,
            "managed_zone_id": zone_id, "name": name,
            "name_servers": ["ns-cloud-a1.googledomains.com.", "ns-cloud-a2.googledomains.com.",
                             "ns-cloud-a3.googledomains.com.", "ns-cloud-a4.googledomains.com."],
            "peering_config": [], "private_visibility_config": [], "project": project, "reverse_lookup": False,
            "service_directory_config": [], "terraform_labels": {"goog-terraform-provisioned": "true"},
            "timeouts": None, "visibility": "public"}


# ------------------------------------------------------------------ Azure DNS

AZ_SUB = "11111111-2222-3333-4444-555555555555"
AZ_RG = "dns-rg"


def az_zone_id(zone):
    return "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/dnsZones/%s" % (AZ_SUB, AZ_RG, zone)


def az(rtype, zone, name, ttl, new=False, **fields):
    """azurerm_dns_<type>_record (azurerm 4.x, schema version 1). fields: the type's own
    attributes (records / record / target_resource_id)."""
    fq = (zone if name == "@" else name + "." + zone) + "."
    v = {"fqdn": U if new else fq,
         "id": U if new else az_zone_id(zone) + "/" + rtype.upper() + "/" + name,
         "name": name, "resource_group_name": AZ_RG, "tags": None if new else {}, "timeouts": None,
         "ttl": ttl, "zone_name": zone}
    if rtype in ("a", "aaaa"):
        v["records"] = sorted(fields["records"]) if fields.get("records") is not None else (None if new else [])
        v["target_resource_id"] = fields.get("target_resource_id", None if new else "")
    elif rtype == "cname":
        v["record"] = fields.get("record", None if new else "")
        v["target_resource_id"] = fields.get("target_resource_id", None if new else "")
    elif rtype in ("ns",):
        v["records"] = fields["records"]
    elif rtype == "ptr":
        v["records"] = sorted(fields["records"])
    else:
        v["record"] = fields["record"]
    return v


def az_dns_zone(zone, number_of_record_sets, ns_group="03"):
    """azurerm_dns_zone (schema version 2)."""
    return {"id": az_zone_id(zone), "max_number_of_record_sets": 10000, "name": zone,
            "name_servers": sorted(["ns1-%s.azure-dns.com." % ns_group, "ns2-%s.azure-dns.net." % ns_group,
                                    "ns3-%s.azure-dns.org." % ns_group, "ns4-%s.azure-dns.info." % ns_group]),
            "number_of_record_sets": number_of_record_sets, "resource_group_name": AZ_RG,
            "soa_record": [{"email": "azuredns-hostmaster.microsoft.com", "expire_time": 2419200,
                            "fqdn": zone + ".", "host_name": "ns1-%s.azure-dns.com." % ns_group, "minimum_ttl": 300,
                            "refresh_time": 3600, "retry_time": 300, "serial_number": 1, "tags": {}, "ttl": 3600}],
            "tags": {}, "timeouts": None}
