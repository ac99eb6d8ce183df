#!/usr/bin/env python3
"""Writes the hand-modelled Terraform plan fixtures in this directory and the plan.json of every
testdata/scenarios/terraform-* scenario. Run from anywhere: python3 testdata/terraform/make_fixtures.py

The shapes follow `terraform show -json` of Terraform 1.9 (see tfplan.py for the rules used);
README.md says what each fixture holds and what zonegate should report for it.
"""

import copy
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the fixtures
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tfplan import (AWS, AWS_NS, AZURERM, C, CLOUDFLARE, GOOGLE, RANDOM, Inst, R, S, U, UL, UO, az,  # noqa: E402
                    az_dns_zone, cf4, cf4_zone, cf5, cf5_update, cres, aws_provider_config, gdns, gdns_routing,
                    gdns_zone, plan, provider, r53, r53_zone, srt, updated, write)

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(HERE, "..", "scenarios")

ZID = "Z0123456789ABCDEFGHIJ"
ZONE = "example.com"
CLOUDFRONT = ("d111111abcdef8.cloudfront.net", "Z2FDTNDATAQYW2")


def zone_ref(expr="aws_route53_zone.main.zone_id"):
    return R(expr)


def record_cfg(name, zone_expr, exprs, **kw):
    e = {"zone_id": zone_expr}
    e.update(exprs)
    return cres("aws_route53_record", name, "aws", 2, e, **kw)


# ====================================================================== aws-route53.json

def aws_route53():
    insts = []
    add = insts.append

    zone = r53_zone(ZID, ZONE, AWS_NS)
    add(Inst("aws_route53_zone", "main", AWS, 0, zone, actions=["no-op"]))
    add(Inst("aws_route53_zone", "staging", AWS, 0, None, r53_zone(None, "staging.example.com", None, new=True),
             actions=["create"]))
    org_zone = {
        "arn": "arn:aws:route53:::hostedzone/Z04418391QWERTYUIOPAS",
        "caller_reference": "RISWorkflow-RD:5f0c2a86-3c1e-4d5b-9a57-0d6b1e2f3a4c",
        "comment": "HostedZone created by Route53 Registrar",
        "id": "Z04418391QWERTYUIOPAS",
        "linked_service_description": None,
        "linked_service_principal": None,
        "name": "example.org",
        "name_servers": ["ns-1201.awsdns-22.org", "ns-305.awsdns-38.com", "ns-1933.awsdns-49.co.uk",
                         "ns-644.awsdns-16.net"],
        "primary_name_server": "ns-1201.awsdns-22.org",
        "private_zone": False,
        "resource_record_set_count": 4,
        "tags": {},
        "vpc_id": None,
        "zone_id": "Z04418391QWERTYUIOPAS",
    }
    add(Inst("aws_route53_zone", "org", AWS, 0, org_zone, mode="data"))  # read while planning: prior_state only

    # www: one address added (update in place); name given relative to the zone.
    www = r53(ZID, ZONE, "www", "A", ttl=300, records=["52.94.236.248"])
    add(Inst("aws_route53_record", "www", AWS, 2, www, updated(www, records=["52.94.236.248", "54.239.28.85"]),
             ["update"]))

    # apex alias to CloudFront (no-op) and a new AAAA alias beside it.
    apex = r53(ZID, ZONE, "example.com", "A", alias=(CLOUDFRONT[0], CLOUDFRONT[1], False))
    add(Inst("aws_route53_record", "apex", AWS, 2, apex, actions=["no-op"]))
    add(Inst("aws_route53_record", "apex_ipv6", AWS, 2, None,
             r53(ZID, ZONE, "example.com", "AAAA", alias=(CLOUDFRONT[0], CLOUDFRONT[1], False), new=True),
             ["create"]))

    # mail and SPF (no-op).
    add(Inst("aws_route53_record", "mx", AWS, 2,
             r53(ZID, ZONE, "example.com", "MX", ttl=3600, records=["10 inbound-smtp.us-east-1.amazonaws.com"]),
             actions=["no-op"]))
    add(Inst("aws_route53_record", "spf", AWS, 2,
             r53(ZID, ZONE, "example.com", "TXT", ttl=300, records=["v=spf1 include:amazonses.com -all"]),
             actions=["no-op"]))

    # mta_sts: changed outside Terraform (resource_drift); the plan puts the configured value back.
    sts_applied = r53(ZID, ZONE, "_mta-sts", "TXT", ttl=300, records=["v=STSv1; id=20240101000000"])
    sts_live = updated(sts_applied, records=["v=STSv1; id=20250301000000"])
    add(Inst("aws_route53_record", "mta_sts", AWS, 2, sts_live, sts_applied, ["update"]))
    drift = [Inst("aws_route53_record", "mta_sts", AWS, 2, sts_applied, sts_live, ["update"])]

    # weighted pair (for_each): green re-weighted 10 -> 20.
    blue = r53(ZID, ZONE, "app", "A", ttl=60, records=["13.248.118.1"], set_id="blue", weight=90)
    green = r53(ZID, ZONE, "app", "A", ttl=60, records=["76.223.10.1"], set_id="green", weight=10)
    add(Inst("aws_route53_record", "app", AWS, 2, blue, actions=["no-op"], index="blue"))
    add(Inst("aws_route53_record", "app", AWS, 2, green, updated(green, weighted_routing_policy=[{"weight": 20}]),
             ["update"], index="green"))

    # failover pair, both new.
    add(Inst("aws_route53_record", "status_primary", AWS, 2, None,
             r53(ZID, ZONE, "status", "A", ttl=60, records=["3.33.152.147"], set_id="primary", failover="PRIMARY",
                 health="7f2b4c1e-3d5a-4b6c-8e9f-0a1b2c3d4e5f", new=True), ["create"]))
    add(Inst("aws_route53_record", "status_secondary", AWS, 2, None,
             r53(ZID, ZONE, "status", "A", ttl=60, records=["15.197.142.173"], set_id="secondary",
                 failover="SECONDARY", new=True), ["create"]))

    # latency (for_each over regions): us-east-1 stays, eu-west-1 is new.
    add(Inst("aws_route53_record", "edge", AWS, 2,
             r53(ZID, ZONE, "edge", "A", ttl=60, records=["18.204.0.10"], set_id="us-east-1", latency="us-east-1"),
             actions=["no-op"], index="us-east-1"))
    add(Inst("aws_route53_record", "edge", AWS, 2, None,
             r53(ZID, ZONE, "edge", "A", ttl=60, records=["34.240.0.10"], set_id="eu-west-1", latency="eu-west-1",
                 new=True), ["create"], index="eu-west-1"))

    # geolocation: default ("*") stays, Germany is new.
    add(Inst("aws_route53_record", "geo", AWS, 2,
             r53(ZID, ZONE, "geo", "A", ttl=60, records=["52.94.236.248"], set_id="default", geo={"country": "*"}),
             actions=["no-op"], index="default"))
    add(Inst("aws_route53_record", "geo", AWS, 2, None,
             r53(ZID, ZONE, "geo", "A", ttl=60, records=["3.120.0.10"], set_id="de", geo={"country": "DE"}, new=True),
             ["create"], index="de"))

    # ftp: type changes CNAME -> A, an in-place update for the AWS provider (only name and
    # zone_id force a new resource).
    ftp = r53(ZID, ZONE, "ftp", "CNAME", ttl=300, records=["www.example.com"])
    add(Inst("aws_route53_record", "ftp", AWS, 2, ftp, updated(ftp, type="A", records=["54.239.28.85"]), ["update"]))

    # blog renamed to news: replacement, destroy first.
    blog = r53(ZID, ZONE, "blog", "CNAME", ttl=3600, records=["example.github.io"])
    add(Inst("aws_route53_record", "blog", AWS, 2, blog,
             r53(ZID, ZONE, "news", "CNAME", ttl=3600, records=["example.github.io"], new=True),
             ["delete", "create"], action_reason="replace_because_cannot_update", replace_paths=[["name"]]))

    # module.dns: docs renamed to developers with create_before_destroy, and the API alias
    # whose only change is evaluate_target_health.
    docs = r53(ZID, ZONE, "docs.example.com", "CNAME", ttl=3600, records=["example.readthedocs.io"])
    add(Inst("aws_route53_record", "docs", AWS, 2, docs,
             r53(ZID, ZONE, "developers.example.com", "CNAME", ttl=3600, records=["example.readthedocs.io"], new=True),
             ["create", "delete"], module="module.dns", action_reason="replace_because_cannot_update",
             replace_paths=[["name"]]))
    api = r53(ZID, ZONE, "api.example.com", "A",
              alias=("dualstack.api-1234567890.us-east-1.elb.amazonaws.com", "Z35SXDOTRQ7X7K", False))
    api_after = updated(api, alias=[{"evaluate_target_health": True,
                                      "name": "dualstack.api-1234567890.us-east-1.elb.amazonaws.com",
                                      "zone_id": "Z35SXDOTRQ7X7K"}])
    add(Inst("aws_route53_record", "api", AWS, 2, api, api_after, ["update"], module="module.dns"))

    # count: host[1] goes away when count drops from 2 to 1.
    add(Inst("aws_route53_record", "host", AWS, 2,
             r53(ZID, ZONE, "host-0", "A", ttl=300, records=["52.95.110.1"]), actions=["no-op"], index=0))
    add(Inst("aws_route53_record", "host", AWS, 2,
             r53(ZID, ZONE, "host-1", "A", ttl=300, records=["52.95.110.2"]), None, ["delete"], index=1,
             action_reason="delete_because_count_index"))

    # old_api: removed from the configuration.
    add(Inst("aws_route53_record", "old_api", AWS, 2,
             r53(ZID, ZONE, "old-api", "A", ttl=300, records=["52.46.128.10"]), None, ["delete"],
             action_reason="delete_because_no_resource_config"))

    # bastion: its address is the new Elastic IP's, known only after apply.
    add(Inst("aws_eip", "bastion", AWS, 0, None, {
        "address": None, "allocation_id": U, "associate_with_private_ip": None, "association_id": U,
        "carrier_ip": U, "customer_owned_ip": U, "customer_owned_ipv4_pool": None, "domain": "vpc", "id": U,
        "instance": None, "network_border_group": U, "network_interface": U, "private_dns": U, "private_ip": U,
        "public_dns": U, "public_ip": U, "public_ipv4_pool": U, "tags": {"Name": "bastion"},
        "tags_all": {"Name": "bastion"}, "timeouts": None}, ["create"]))
    add(Inst("aws_route53_record", "bastion", AWS, 2, None,
             r53(ZID, ZONE, "bastion", "A", ttl=300, records=UL, new=True), ["create"]))

    # staging: a zone created in this plan, delegated from example.com (its servers unknown
    # until it exists), and a record in it (its zone_id unknown).
    add(Inst("aws_route53_record", "staging_ns", AWS, 2, None,
             r53(ZID, ZONE, "staging", "NS", ttl=172800, records=UL, new=True), ["create"]))
    staging_www = r53(None, None, "www.staging.example.com", "A", ttl=300, records=["52.94.236.249"], new=True)
    staging_www["zone_id"] = U
    add(Inst("aws_route53_record", "staging_www", AWS, 2, None, staging_www, ["create"]))

    # partner: a zone that has no zone resource or data source in this plan.
    add(Inst("aws_route53_record", "partner", AWS, 2, None,
             r53("Z9876543210ZYXWVUTSRQ", None, "partner.example.net", "A", ttl=300, records=["13.248.118.2"],
                 new=True), ["create"]))

    # org_www: relative name in a zone known only through a data source.
    add(Inst("aws_route53_record", "org_www", AWS, 2, None,
             r53("Z04418391QWERTYUIOPAS", "example.org", "www", "A", ttl=300, records=["76.76.21.21"], new=True),
             ["create"]))

    z = zone_ref()
    resources = [
        cres("aws_eip", "bastion", "aws", 0, {"domain": C("vpc"), "tags": C({"Name": "bastion"})}),
        record_cfg("apex", z, {"name": C("example.com"), "type": C("A"), "alias": [
            {"evaluate_target_health": C(False), "name": R("aws_cloudfront_distribution.site.domain_name"),
             "zone_id": R("aws_cloudfront_distribution.site.hosted_zone_id")}]}),
        record_cfg("apex_ipv6", z, {"name": C("example.com"), "type": C("AAAA"), "alias": [
            {"evaluate_target_health": C(False), "name": R("aws_cloudfront_distribution.site.domain_name"),
             "zone_id": R("aws_cloudfront_distribution.site.hosted_zone_id")}]}),
        record_cfg("app", z, {"name": C("app"), "type": C("A"), "ttl": C(60), "records": R("each.value.records"),
                              "set_identifier": R("each.key"),
                              "weighted_routing_policy": [{"weight": R("each.value.weight")}]},
                   for_each=R("local.app_pools")),
        record_cfg("bastion", z, {"name": C("bastion"), "type": C("A"), "ttl": C(300),
                                  "records": R("aws_eip.bastion.public_ip")}),
        record_cfg("blog", z, {"name": C("news"), "type": C("CNAME"), "ttl": C(3600),
                               "records": C(["example.github.io"])}),
        record_cfg("edge", z, {"name": C("edge"), "type": C("A"), "ttl": C(60), "records": R("each.value"),
                               "set_identifier": R("each.key"), "latency_routing_policy": [{"region": R("each.key")}]},
                   for_each=R("var.edge_addresses")),
        record_cfg("ftp", z, {"name": C("ftp"), "type": C("A"), "ttl": C(300), "records": C(["54.239.28.85"])}),
        record_cfg("geo", z, {"name": C("geo"), "type": C("A"), "ttl": C(60), "records": R("each.value.records"),
                              "set_identifier": R("each.key"),
                              "geolocation_routing_policy": [{"country": R("each.value.country")}]},
                   for_each=R("local.geo_answers")),
        record_cfg("host", z, {"name": R("count.index"), "type": C("A"), "ttl": C(300),
                               "records": R("var.host_addresses", "count.index")}, count=R("var.host_count")),
        record_cfg("mta_sts", z, {"name": C("_mta-sts"), "type": C("TXT"), "ttl": C(300),
                                  "records": C(["v=STSv1; id=20240101000000"])}),
        record_cfg("mx", z, {"name": C("example.com"), "type": C("MX"), "ttl": C(3600),
                             "records": C(["10 inbound-smtp.us-east-1.amazonaws.com"])}),
        record_cfg("org_www", R("data.aws_route53_zone.org.zone_id"), {"name": C("www"), "type": C("A"),
                                                                        "ttl": C(300), "records": C(["76.76.21.21"])}),
        record_cfg("partner", C("Z9876543210ZYXWVUTSRQ"), {"name": C("partner.example.net"), "type": C("A"),
                                                          "ttl": C(300), "records": C(["13.248.118.2"])}),
        record_cfg("spf", z, {"name": C("example.com"), "type": C("TXT"), "ttl": C(300),
                              "records": C(["v=spf1 include:amazonses.com -all"])}),
        record_cfg("staging_ns", z, {"name": C("staging"), "type": C("NS"), "ttl": C(172800),
                                     "records": R("aws_route53_zone.staging.name_servers")}),
        record_cfg("staging_www", R("aws_route53_zone.staging.zone_id"),
                   {"name": C("www.staging.example.com"), "type": C("A"), "ttl": C(300),
                    "records": C(["52.94.236.249"])}),
        record_cfg("status_primary", z, {"name": C("status"), "type": C("A"), "ttl": C(60),
                                         "records": C(["3.33.152.147"]), "set_identifier": C("primary"),
                                         "health_check_id": R("aws_route53_health_check.status.id"),
                                         "failover_routing_policy": [{"type": C("PRIMARY")}]}),
        record_cfg("status_secondary", z, {"name": C("status"), "type": C("A"), "ttl": C(60),
                                           "records": C(["15.197.142.173"]), "set_identifier": C("secondary"),
                                           "failover_routing_policy": [{"type": C("SECONDARY")}]}),
        record_cfg("www", z, {"name": C("www"), "type": C("A"), "ttl": C(300),
                              "records": C(["52.94.236.248", "54.239.28.85"])}),
        cres("aws_route53_zone", "main", "aws", 0, {"name": C("example.com")}),
        cres("aws_route53_zone", "staging", "aws", 0, {"name": C("staging.example.com")}),
        cres("aws_route53_zone", "org", "aws", 0, {"name": C("example.org"), "private_zone": C(False)}, mode="data"),
    ]
    configuration = {
        "provider_config": aws_provider_config(),
        "root_module": {
            "resources": resources,
            "module_calls": {
                "dns": {
                    "source": "./modules/dns",
                    "expressions": {"zone_id": R("aws_route53_zone.main.zone_id")},
                    "module": {
                        "resources": [
                            cres("aws_route53_record", "api", "aws", 2, {
                                "zone_id": R("var.zone_id"), "name": C("api.example.com"), "type": C("A"),
                                "alias": [{"evaluate_target_health": C(True), "name": R("var.lb_dns_name"),
                                           "zone_id": R("var.lb_zone_id")}]}),
                            cres("aws_route53_record", "docs", "aws", 2, {
                                "zone_id": R("var.zone_id"), "name": C("developers.example.com"),
                                "type": C("CNAME"), "ttl": C(3600), "records": C(["example.readthedocs.io"])}),
                        ],
                        "variables": {"zone_id": {"description": "The hosted zone the records go into"},
                                      "lb_dns_name": {"default": "dualstack.api-1234567890.us-east-1.elb.amazonaws.com"},
                                      "lb_zone_id": {"default": "Z35SXDOTRQ7X7K"}},
                    },
                },
            },
            "variables": {"edge_addresses": {}, "host_addresses": {}, "host_count": {"default": 1}},
        },
    }
    variables = {
        "edge_addresses": {"eu-west-1": ["34.240.0.10"], "us-east-1": ["18.204.0.10"]},
        "host_addresses": [["52.95.110.1"]],
        "host_count": 1,
    }
    return plan(insts, configuration, variables=variables, drift=drift)


# ====================================================================== cloudflare-v4.json

CF_ZONE = "023e105f4ecef8ad9ca31a8372d0c353"
CF_ACCOUNT = "f037e56e89293a057740de681ac9abbe"


def cloudflare_v4():
    insts = []
    add = insts.append
    z = CF_ZONE

    def rec(name, **kw):
        return cf4(z, ZONE, name, **kw)

    add(Inst("cloudflare_zone", "main", CLOUDFLARE, 0, cf4_zone(z, ZONE, CF_ACCOUNT), actions=["no-op"]))

    www = rec("www", rtype="A", content="104.16.132.229", ttl=1, proxied=True, rid="372e67954025e0ba6aaa6d586b9e0b59")
    add(Inst("cloudflare_record", "www", CLOUDFLARE, 3, www, updated(www, proxied=False, ttl=300), ["update"]))
    add(Inst("cloudflare_record", "apex", CLOUDFLARE, 3,
             rec("@", rtype="A", content="104.16.133.229", ttl=1, proxied=True, rid="9d2b6e41c1f64a0e8b7f3a5c2d1e0f98"),
             actions=["no-op"]))

    for key, prio, rid in (("route1", 86, "a1f0c3e5d7b94e2f8c6a4b2d0e9f7a51"), ("route2", 24, "b2e1d4f6c8a05f3a9d7b5c3e1f0a8b62")):
        add(Inst("cloudflare_record", "mx", CLOUDFLARE, 3,
                 rec("@", rtype="MX", content=key + ".mx.cloudflare.net", ttl=1, priority=prio, rid=rid),
                 actions=["no-op"], index=key))
    add(Inst("cloudflare_record", "mx", CLOUDFLARE, 3, None,
             rec("@", rtype="MX", content="route3.mx.cloudflare.net", ttl=1, priority=2, new=True),
             ["create"], index="route3"))

    add(Inst("cloudflare_record", "spf", CLOUDFLARE, 3,
             rec("@", rtype="TXT", content="v=spf1 include:_spf.mx.cloudflare.net ~all", ttl=1,
                 rid="c3f2e5a7d9b16a4b0e8c6d4f2a1b9c73", use_value=True), actions=["no-op"]))

    add(Inst("cloudflare_record", "sip", CLOUDFLARE, 3, None,
             rec("_sip._tcp", rtype="SRV", ttl=3600, new=True,
                 data={"service": "_sip", "proto": "_tcp", "name": "example.com", "priority": 10, "weight": 60,
                       "port": 5060, "target": "sip.example.com"}), ["create"]))
    add(Inst("cloudflare_record", "sip_host", CLOUDFLARE, 3,
             rec("sip", rtype="A", content="34.117.59.81", ttl=300, rid="d4a3f6b8e0c27b5c1f9d7e5a3b2c0d84"),
             actions=["no-op"]))

    caa = rec("@", rtype="CAA", ttl=3600, rid="e5b4a7c9f1d38c6d2a0e8f6b4c3d1e95",
              api_content='0 issue "letsencrypt.org"', data={"flags": "0", "tag": "issue", "value": "letsencrypt.org"})
    caa_after = copy.deepcopy(caa)
    caa_after["data"][0]["value"] = "pki.goog"
    add(Inst("cloudflare_record", "caa", CLOUDFLARE, 3, caa, caa_after, ["update"]))

    add(Inst("cloudflare_record", "legacy", CLOUDFLARE, 3,
             rec("legacy", rtype="CNAME", content="legacy-app.herokudns.com", ttl=300,
                 rid="f6c5b8d0a2e49d7e3b1f9a7c5d4e2fa6"), None, ["delete"],
             action_reason="delete_because_no_resource_config"))

    docs = rec("docs", rtype="CNAME", content="hosting.gitbook.io", ttl=300, rid="07d6c9e1b3f5ae8f4c2a0b8d6e5f3ab7")
    add(Inst("cloudflare_record", "docs", CLOUDFLARE, 3, docs,
             rec("developer", rtype="CNAME", content="hosting.gitbook.io", ttl=300, new=True),
             ["delete", "create"], action_reason="replace_because_cannot_update", replace_paths=[["name"]]))

    add(Inst("cloudflare_record", "cdn", CLOUDFLARE, 3,
             rec("images", rtype="CNAME", content="d2abcdefgh1234.cloudfront.net", ttl=300,
                 rid="18e7d0f2c4a6bf9a5d3b1c9e7f6a4bc8"), actions=["no-op"], index="images", module="module.edge"))
    add(Inst("cloudflare_record", "cdn", CLOUDFLARE, 3, None,
             rec("assets", rtype="CNAME", content="d2abcdefgh1234.cloudfront.net", ttl=300, new=True),
             ["create"], index="assets", module="module.edge"))

    zr = R("cloudflare_zone.main.id")

    def rc(name, exprs, **kw):
        e = {"zone_id": zr}
        e.update(exprs)
        return cres("cloudflare_record", name, "cloudflare", 3, e, **kw)

    configuration = {
        "provider_config": {"cloudflare": provider("cloudflare", CLOUDFLARE, "~> 4.52",
                                                   {"api_token": R("var.cloudflare_api_token")})},
        "root_module": {
            "resources": [
                rc("apex", {"name": C("@"), "type": C("A"), "content": C("104.16.133.229"), "proxied": C(True)}),
                rc("caa", {"name": C("@"), "type": C("CAA"), "ttl": C(3600),
                           "data": [{"flags": C("0"), "tag": C("issue"), "value": C("pki.goog")}]}),
                rc("docs", {"name": C("developer"), "type": C("CNAME"), "content": C("hosting.gitbook.io"),
                            "ttl": C(300)}),
                rc("mx", {"name": C("@"), "type": C("MX"), "content": R("each.key"), "priority": R("each.value")},
                   for_each=C({"route1": 86, "route2": 24, "route3": 2})),
                rc("sip", {"name": C("_sip._tcp"), "type": C("SRV"), "ttl": C(3600), "data": [
                    {"service": C("_sip"), "proto": C("_tcp"), "name": C("example.com"), "priority": C(10),
                     "weight": C(60), "port": C(5060), "target": C("sip.example.com")}]}),
                rc("sip_host", {"name": C("sip"), "type": C("A"), "content": C("34.117.59.81"), "ttl": C(300)}),
                rc("spf", {"name": C("@"), "type": C("TXT"), "value": C("v=spf1 include:_spf.mx.cloudflare.net ~all")}),
                rc("www", {"name": C("www"), "type": C("A"), "content": C("104.16.132.229"), "proxied": C(False),
                           "ttl": C(300)}),
                cres("cloudflare_zone", "main", "cloudflare", 0, {"account_id": C(CF_ACCOUNT), "zone": C("example.com")}),
            ],
            "module_calls": {
                "edge": {
                    "source": "./modules/edge",
                    "expressions": {"zone_id": R("cloudflare_zone.main.id"),
                                    "origins": C({"assets": "d2abcdefgh1234.cloudfront.net",
                                                  "images": "d2abcdefgh1234.cloudfront.net"})},
                    "module": {
                        "resources": [cres("cloudflare_record", "cdn", "cloudflare", 3, {
                            "zone_id": R("var.zone_id"), "name": R("each.key"), "type": C("CNAME"),
                            "content": R("each.value"), "ttl": C(300)}, for_each=R("var.origins"))],
                        "variables": {"zone_id": {}, "origins": {}},
                    },
                },
            },
            "variables": {"cloudflare_api_token": {"sensitive": True}},
        },
    }
    return plan(insts, configuration, variables={"cloudflare_api_token": "example-token-not-a-secret"})


# ====================================================================== cloudflare-v5.json

CF5_ZONE = "9a7806061c88ada191ed06f989cc3dac"


def cloudflare_v5():
    insts = []
    add = insts.append
    z = CF5_ZONE
    zone = {
        "account": {"id": CF_ACCOUNT, "name": "Example Account"},
        "activated_on": "2023-06-01T10:00:41Z",
        "created_on": "2023-06-01T09:58:12.557245Z",
        "development_mode": 0,
        "id": z,
        "meta": {"cdn_only": False, "custom_certificate_quota": 0, "dns_only": False, "foundation_dns": False,
                 "page_rule_quota": 3, "phishing_detected": False, "step": 2},
        "modified_on": "2024-09-03T14:02:55.301884Z",
        "name": "example.com",
        "name_servers": ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"],
        "original_dnshost": None,
        "original_name_servers": ["ns-1536.awsdns-00.co.uk", "ns-0.awsdns-00.com"],
        "original_registrar": None,
        "owner": {"id": None, "name": None, "type": "user"},
        "paused": False,
        "permissions": [],
        "status": "active",
        "tenant": {"id": None, "name": None},
        "tenant_unit": {"id": None},
        "type": "full",
        "vanity_name_servers": [],
        "verification_key": "",
    }
    add(Inst("cloudflare_zone", "main", CLOUDFLARE, 0, zone, actions=["no-op"]))

    www = cf5(z, "www.example.com", "A", content="104.16.132.229", ttl=1, proxied=False,
              rid="8c4d1f6a9b2e5c7f0a3d6e9b2c5f8a1d")
    add(Inst("cloudflare_dns_record", "www", CLOUDFLARE, 0, www, cf5_update(www, proxied=True), ["update"]))

    add(Inst("cloudflare_dns_record", "spf", CLOUDFLARE, 0,
             cf5(z, "@", "TXT", content="v=spf1 include:_spf.mx.cloudflare.net ~all", ttl=1,
                 rid="1b7c4e9f2a5d8c0e3f6a9b2c5d8e1f4a"), actions=["no-op"]))

    add(Inst("cloudflare_dns_record", "mx1", CLOUDFLARE, 0,
             cf5(z, "example.com", "MX", content="mx1.mail.example.net", ttl=3600, priority=10,
                 rid="2c8d5f0a3b6e9d1f4a7b0c3d6e9f2a5b"), actions=["no-op"]))
    add(Inst("cloudflare_dns_record", "mx2", CLOUDFLARE, 0, None,
             cf5(z, "example.com", "MX", content="mx2.mail.example.net", ttl=3600, priority=20, new=True), ["create"]))

    add(Inst("cloudflare_dns_record", "xmpp", CLOUDFLARE, 0, None,
             cf5(z, "_xmpp-client._tcp.example.com", "SRV", ttl=3600, new=True,
                 data={"priority": 5, "weight": 0, "port": 5222, "target": "xmpp.example.com"}), ["create"]))
    add(Inst("cloudflare_dns_record", "xmpp_host", CLOUDFLARE, 0,
             cf5(z, "xmpp.example.com", "A", content="34.117.59.82", ttl=300, rid="3d9e6a1b4c7f0e2a5b8c1d4e7f0a3b6c"),
             actions=["no-op"]))

    add(Inst("cloudflare_dns_record", "caa", CLOUDFLARE, 0, None,
             cf5(z, "example.com", "CAA", ttl=3600, new=True,
                 data={"flags": 0, "tag": "issue", "value": "digicert.com"}), ["create"]))

    dmarc = cf5(z, "_dmarc.example.com", "TXT", content='"v=DMARC1; p=none; rua=mailto:dmarc@example.com"', ttl=3600,
                rid="4e0f7b2c5d8a1f3b6c9d2e5f8a1b4c7d")
    add(Inst("cloudflare_dns_record", "dmarc", CLOUDFLARE, 0, dmarc,
             cf5_update(dmarc, content='"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"'), ["update"]))

    shop = cf5(z, "shop.example.com", "CNAME", content="shops.myshopify.com", ttl=3600,
               rid="5f1a8c3d6e9b2a4c7d0e3f6a9b2c5d8e")
    add(Inst("cloudflare_dns_record", "shop", CLOUDFLARE, 0, shop, cf5_update(shop, name="store.example.com"),
             ["update"]))

    add(Inst("cloudflare_dns_record", "legacy", CLOUDFLARE, 0,
             cf5(z, "legacy.example.com", "CNAME", content="legacy-app.herokudns.com", ttl=300,
                 rid="6a2b9d4e7f0c3b5d8e1f4a7b0c3d6e9f"), None, ["delete"],
             action_reason="delete_because_no_resource_config"))

    api = cf5(z, "api.example.com", "A", content="34.117.59.81", ttl=300, rid="7b3c0e5f8a1d4c6e9f2a5b8c1d4e7f0a")
    add(Inst("cloudflare_dns_record", "api", CLOUDFLARE, 0, api,
             cf5(z, "api.example.com", "A", content="34.117.59.83", ttl=300, new=True),
             ["create", "delete"], action_reason="replace_by_triggers"))

    zr = R("cloudflare_zone.main.id")

    def rc(name, exprs, **kw):
        e = {"zone_id": zr}
        e.update(exprs)
        return cres("cloudflare_dns_record", name, "cloudflare", 0, e, **kw)

    configuration = {
        "provider_config": {"cloudflare": provider("cloudflare", CLOUDFLARE, "~> 5.8",
                                                   {"api_token": R("var.cloudflare_api_token")})},
        "root_module": {
            "resources": [
                rc("api", {"name": C("api.example.com"), "type": C("A"), "content": R("var.api_address"),
                           "ttl": C(300)}),
                rc("caa", {"name": C("example.com"), "type": C("CAA"), "ttl": C(3600),
                           "data": {"flags": C(0), "tag": C("issue"), "value": C("digicert.com")}}),
                rc("dmarc", {"name": C("_dmarc.example.com"), "type": C("TXT"), "ttl": C(3600),
                             "content": C('"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"')}),
                rc("mx1", {"name": C("example.com"), "type": C("MX"), "ttl": C(3600),
                           "content": C("mx1.mail.example.net"), "priority": C(10)}),
                rc("mx2", {"name": C("example.com"), "type": C("MX"), "ttl": C(3600),
                           "content": C("mx2.mail.example.net"), "priority": C(20)}),
                rc("shop", {"name": C("store.example.com"), "type": C("CNAME"), "ttl": C(3600),
                            "content": C("shops.myshopify.com")}),
                rc("spf", {"name": C("@"), "type": C("TXT"), "ttl": C(1),
                           "content": C("v=spf1 include:_spf.mx.cloudflare.net ~all")}),
                rc("www", {"name": C("www.example.com"), "type": C("A"), "ttl": C(1),
                           "content": C("104.16.132.229"), "proxied": C(True)}),
                rc("xmpp", {"name": C("_xmpp-client._tcp.example.com"), "type": C("SRV"), "ttl": C(3600),
                            "data": {"priority": C(5), "weight": C(0), "port": C(5222),
                                     "target": C("xmpp.example.com")}}),
                rc("xmpp_host", {"name": C("xmpp.example.com"), "type": C("A"), "ttl": C(300),
                                 "content": C("34.117.59.82")}),
                cres("cloudflare_zone", "main", "cloudflare", 0, {"account": {"id": C(CF_ACCOUNT)},
                                                                   "name": C("example.com")}),
            ],
            "variables": {"cloudflare_api_token": {"sensitive": True}, "api_address": {}},
        },
    }
    return plan(insts, configuration, variables={"cloudflare_api_token": "example-token-not-a-secret",
                                                 "api_address": "34.117.59.83"})


# ====================================================================== google.json

def dkim_key():
    """A made-up 2048-bit-RSA-sized public key in base64 (392 characters); not a real key."""
    import base64
    import hashlib
    raw = b""
    block = b"zonegate fixture dkim"
    while len(raw) < 294:
        block = hashlib.sha256(block).digest()
        raw += block
    return "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + base64.b64encode(raw[:294]).decode()[44:]


def dkim_halves():
    """The DKIM TXT text cut after 255 octets, as a DNS TXT record must carry it."""
    text = "v=DKIM1; k=rsa; p=" + dkim_key()
    return text[:255], text[255:]


GPROJ = "example-project"
GZONE = "example-zone"


def google():
    insts = []
    add = insts.append

    add(Inst("google_dns_managed_zone", "main", GOOGLE, 0, gdns_zone(GPROJ, GZONE, "example.com.", 8416720593128462011),
             actions=["no-op"]))

    def rec(name, rtype, ttl, **kw):
        return gdns(GPROJ, GZONE, name, rtype, ttl, **kw)

    add(Inst("google_dns_record_set", "www", GOOGLE, 0, rec("www.example.com.", "A", 300, rrdatas=["34.102.136.180"]),
             actions=["no-op"]))

    wrr = rec("app.example.com.", "A", 60, routing=gdns_routing(wrr=[
        {"weight": 0.8, "rrdatas": ["34.111.10.1"]}, {"weight": 0.2, "rrdatas": ["35.190.20.2"]}]))
    wrr_after = copy.deepcopy(wrr)
    wrr_after["routing_policy"][0]["wrr"][0]["weight"] = 0.5
    wrr_after["routing_policy"][0]["wrr"][1]["weight"] = 0.5
    add(Inst("google_dns_record_set", "app", GOOGLE, 0, wrr, wrr_after, ["update"]))

    add(Inst("google_dns_record_set", "geo", GOOGLE, 0, None,
             rec("geo.example.com.", "A", 60, new=True, routing=gdns_routing(new=True, geo=[
                 {"location": "us-east1", "rrdatas": ["34.86.1.1"]},
                 {"location": "europe-west1", "rrdatas": ["34.76.1.1"]}])), ["create"]))

    spf = rec("example.com.", "TXT", 300, rrdatas=['"v=spf1 include:_spf.google.com ~all"'])
    add(Inst("google_dns_record_set", "spf", GOOGLE, 0, spf,
             updated(spf, rrdatas=['"v=spf1 include:_spf.google.com -all"']), ["update"]))

    first, rest = dkim_halves()
    add(Inst("google_dns_record_set", "dkim", GOOGLE, 0,
             rec("google._domainkey.example.com.", "TXT", 3600, rrdatas=['"%s" "%s"' % (first, rest)]),
             actions=["no-op"]))

    add(Inst("google_dns_record_set", "mx", GOOGLE, 0, rec("example.com.", "MX", 3600, rrdatas=["1 smtp.google.com."]),
             actions=["no-op"]))

    add(Inst("google_dns_record_set", "legacy", GOOGLE, 0,
             rec("legacy.example.com.", "CNAME", 300, rrdatas=["legacy-app.herokudns.com."]), None, ["delete"],
             action_reason="delete_because_no_resource_config"))

    add(Inst("google_dns_record_set", "blog", GOOGLE, 0,
             rec("blog.example.com.", "CNAME", 3600, rrdatas=["ghs.googlehosted.com."]),
             rec("news.example.com.", "CNAME", 3600, rrdatas=["ghs.googlehosted.com."], new=True),
             ["delete", "create"], action_reason="replace_because_cannot_update", replace_paths=[["name"]]))

    add(Inst("google_compute_global_address", "lb", GOOGLE, 0, None, {
        "address": U, "address_type": "EXTERNAL", "creation_timestamp": U, "description": None,
        "effective_labels": UO, "id": U, "ip_version": None, "label_fingerprint": U, "labels": None,
        "name": "lb-address", "network": None, "prefix_length": U, "project": GPROJ, "purpose": None,
        "self_link": U, "terraform_labels": UO, "timeouts": None}, ["create"]))
    add(Inst("google_dns_record_set", "lb", GOOGLE, 0, None,
             rec("lb.example.com.", "A", 300, rrdatas=[U, "34.120.5.5"], new=True), ["create"]))

    zr = R("google_dns_managed_zone.main.name")

    def rc(name, exprs, **kw):
        e = {"managed_zone": zr}
        e.update(exprs)
        return cres("google_dns_record_set", name, "google", 0, e, **kw)

    configuration = {
        "provider_config": {"google": provider("google", GOOGLE, "~> 6.20",
                                               {"project": C(GPROJ), "region": C("us-central1")})},
        "root_module": {
            "resources": [
                cres("google_compute_global_address", "lb", "google", 0, {"name": C("lb-address")}),
                rc("app", {"name": C("app.example.com."), "type": C("A"), "ttl": C(60), "routing_policy": [
                    {"wrr": [{"weight": C(0.5), "rrdatas": C(["34.111.10.1"])},
                             {"weight": C(0.5), "rrdatas": C(["35.190.20.2"])}]}]}),
                rc("blog", {"name": C("news.example.com."), "type": C("CNAME"), "ttl": C(3600),
                            "rrdatas": C(["ghs.googlehosted.com."])}),
                rc("dkim", {"name": C("google._domainkey.example.com."), "type": C("TXT"), "ttl": C(3600),
                            "rrdatas": R("local.dkim_rrdata")}),
                rc("geo", {"name": C("geo.example.com."), "type": C("A"), "ttl": C(60), "routing_policy": [
                    {"geo": [{"location": C("us-east1"), "rrdatas": C(["34.86.1.1"])},
                             {"location": C("europe-west1"), "rrdatas": C(["34.76.1.1"])}]}]}),
                rc("lb", {"name": C("lb.example.com."), "type": C("A"), "ttl": C(300),
                          "rrdatas": R("google_compute_global_address.lb.address")}),
                rc("mx", {"name": C("example.com."), "type": C("MX"), "ttl": C(3600),
                          "rrdatas": C(["1 smtp.google.com."])}),
                rc("spf", {"name": C("example.com."), "type": C("TXT"), "ttl": C(300),
                           "rrdatas": C(['"v=spf1 include:_spf.google.com -all"'])}),
                rc("www", {"name": C("www.example.com."), "type": C("A"), "ttl": C(300),
                           "rrdatas": C(["34.102.136.180"])}),
                cres("google_dns_managed_zone", "main", "google", 0, {"name": C(GZONE), "dns_name": C("example.com.")}),
            ],
        },
    }
    return plan(insts, configuration)


# ====================================================================== azure.json

def azure():
    insts = []
    add = insts.append
    AZ = AZURERM
    rev = "2.50.20.in-addr.arpa"

    add(Inst("azurerm_dns_zone", "main", AZ, 2, az_dns_zone(ZONE, 11), actions=["no-op"]))
    add(Inst("azurerm_dns_zone", "reverse", AZ, 2, az_dns_zone(rev, 3, ns_group="07"), actions=["no-op"]))

    www = az("a", ZONE, "www", 300, records=["20.50.2.10"])
    add(Inst("azurerm_dns_a_record", "www", AZ, 1, www, updated(www, records=["20.50.2.10", "20.50.2.11"]),
             ["update"]))
    add(Inst("azurerm_dns_a_record", "apex", AZ, 1, None,
             az("a", ZONE, "@", 300, new=True, target_resource_id="/subscriptions/11111111-2222-3333-4444-555555555555"
                "/resourceGroups/web-rg/providers/Microsoft.Network/publicIPAddresses/web-pip"), ["create"]))
    for i in (0, 1):
        add(Inst("azurerm_dns_a_record", "node", AZ, 1, None,
                 az("a", ZONE, "node-%d" % i, 300, new=True, records=["20.50.3.%d" % (10 + i)]), ["create"], index=i))
    add(Inst("azurerm_dns_aaaa_record", "www", AZ, 1, None,
             az("aaaa", ZONE, "www", 300, new=True, records=["2603:1030:20e:3::23c"]), ["create"]))

    shop = az("cname", ZONE, "shop", 3600, record="shops.myshopify.com")
    add(Inst("azurerm_dns_cname_record", "shop", AZ, 1, shop, updated(shop, record="example.myshopify.com"),
             ["update"]))

    mx = az("mx", ZONE, "@", 3600, record=[{"exchange": "example-com.mail.protection.outlook.com", "preference": "0"}])
    add(Inst("azurerm_dns_mx_record", "mx", AZ, 1, mx, updated(mx, ttl=1800), ["update"]))

    add(Inst("azurerm_dns_ns_record", "dev", AZ, 1, None,
             az("ns", ZONE, "dev", 172800, new=True, records=["ns1-05.azure-dns.com.", "ns2-05.azure-dns.net.",
                                                                 "ns3-05.azure-dns.org.", "ns4-05.azure-dns.info."]),
             ["create"]))

    add(Inst("azurerm_dns_ptr_record", "www", AZ, 1, None,
             az("ptr", rev, "10", 3600, new=True, records=["www.example.com"]), ["create"]))

    add(Inst("azurerm_dns_srv_record", "sip", AZ, 1,
             az("srv", ZONE, "_sip._tls", 3600,
                record=[{"port": 443, "priority": 100, "target": "sipdir.online.lync.com", "weight": 1}]),
             None, ["delete"], action_reason="delete_because_no_resource_config"))

    add(Inst("azurerm_dns_txt_record", "spf", AZ, 1,
             az("txt", ZONE, "@", 3600, record=[{"value": "v=spf1 include:spf.protection.outlook.com -all"}]),
             actions=["no-op"]))
    add(Inst("azurerm_dns_txt_record", "asuid", AZ, 1, None,
             az("txt", ZONE, "asuid.www", 3600, new=True,
                record=[{"value": "7A3F2C9D1E8B4A6F0C5D2E9B8A7F6C1D3E4B5A6C7D8E9F0A1B2C3D4E5F6A7B8C"}]),
             ["create"]))

    caa_records = [{"flags": 0, "tag": "iodef", "value": "mailto:security@example.com"},
                   {"flags": 0, "tag": "issue", "value": "digicert.com"}]
    caa = az("caa", ZONE, "@", 3600, record=caa_records)
    caa_new = az("caa", ZONE, "@", 3600, new=True, record=caa_records)
    add(Inst("azurerm_dns_caa_record", "caa", AZ, 1, caa, caa_new, ["delete", "create"],
             action_reason="replace_by_request"))

    zn = R("azurerm_dns_zone.main.name")
    rg = R("azurerm_dns_zone.main.resource_group_name")

    def rc(type_, name, exprs, zone=zn, **kw):
        e = {"zone_name": zone, "resource_group_name": rg}
        e.update(exprs)
        return cres(type_, name, "azurerm", 1, e, **kw)

    configuration = {
        "provider_config": {"azurerm": provider("azurerm", AZ, "~> 4.20", {"features": [{}]})},
        "root_module": {
            "resources": [
                rc("azurerm_dns_a_record", "apex", {"name": C("@"), "ttl": C(300),
                                                    "target_resource_id": R("azurerm_public_ip.web.id")}),
                rc("azurerm_dns_a_record", "node", {"name": C(None), "ttl": C(300),
                                                    "records": R("var.node_addresses", "count.index")},
                   count=C(2)),
                rc("azurerm_dns_a_record", "www", {"name": C("www"), "ttl": C(300),
                                                   "records": C(["20.50.2.10", "20.50.2.11"])}),
                rc("azurerm_dns_aaaa_record", "www", {"name": C("www"), "ttl": C(300),
                                                      "records": C(["2603:1030:20e:3::23c"])}),
                rc("azurerm_dns_caa_record", "caa", {"name": C("@"), "ttl": C(3600), "record": [
                    {"flags": C(0), "tag": C("issue"), "value": C("digicert.com")},
                    {"flags": C(0), "tag": C("iodef"), "value": C("mailto:security@example.com")}]}),
                rc("azurerm_dns_cname_record", "shop", {"name": C("shop"), "ttl": C(3600),
                                                        "record": C("example.myshopify.com")}),
                rc("azurerm_dns_mx_record", "mx", {"name": C("@"), "ttl": C(1800), "record": [
                    {"preference": C(0), "exchange": C("example-com.mail.protection.outlook.com")}]}),
                rc("azurerm_dns_ns_record", "dev", {"name": C("dev"), "ttl": C(172800),
                                                    "records": R("var.dev_name_servers")}),
                rc("azurerm_dns_ptr_record", "www", {"name": C("10"), "ttl": C(3600), "records": C(["www.example.com"])},
                   zone=R("azurerm_dns_zone.reverse.name")),
                rc("azurerm_dns_txt_record", "asuid", {"name": C("asuid.www"), "ttl": C(3600), "record": [
                    {"value": R("azurerm_linux_web_app.site.custom_domain_verification_id")}]}),
                rc("azurerm_dns_txt_record", "spf", {"name": C("@"), "ttl": C(3600), "record": [
                    {"value": C("v=spf1 include:spf.protection.outlook.com -all")}]}),
                cres("azurerm_dns_zone", "main", "azurerm", 2, {"name": C(ZONE), "resource_group_name": C(AZ_RG_NAME)}),
                cres("azurerm_dns_zone", "reverse", "azurerm", 2, {"name": C(rev),
                                                                    "resource_group_name": C(AZ_RG_NAME)}),
            ],
            "variables": {"node_addresses": {}, "dev_name_servers": {}},
        },
    }
    configuration["root_module"]["resources"][1]["expressions"]["name"] = R("count.index")
    return plan(insts, configuration, variables={
        "node_addresses": ["20.50.3.10", "20.50.3.11"],
        "dev_name_servers": ["ns1-05.azure-dns.com.", "ns2-05.azure-dns.net.", "ns3-05.azure-dns.org.",
                             "ns4-05.azure-dns.info."]})


AZ_RG_NAME = "dns-rg"


# ====================================================================== no-dns.json

def no_dns():
    """Only non-DNS resources. Their attribute lists are trimmed to the main ones (the full
    aws_instance schema has some 100 attributes); zonegate must not need any of them."""
    insts = []
    add = insts.append
    ami = {"architecture": "x86_64", "id": "ami-0c7217cdde317cfec", "image_id": "ami-0c7217cdde317cfec",
           "most_recent": True, "name": "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240207.1",
           "owner_id": "099720109477", "owners": ["099720109477"], "root_device_name": "/dev/sda1",
           "virtualization_type": "hvm"}
    add(Inst("aws_ami", "ubuntu", AWS, 0, ami, mode="data"))
    web = {"ami": "ami-0c7217cdde317cfec", "arn": "arn:aws:ec2:us-east-1:123456789012:instance/i-0abcd1234efgh5678",
           "associate_public_ip_address": True, "availability_zone": "us-east-1a", "id": "i-0abcd1234efgh5678",
           "instance_state": "running", "instance_type": "t3.small", "key_name": "deploy",
           "private_dns": "ip-10-0-1-23.ec2.internal", "private_ip": "10.0.1.23",
           "public_dns": "ec2-54-210-3-44.compute-1.amazonaws.com", "public_ip": "54.210.3.44",
           "subnet_id": "subnet-0123456789abcdef0", "tags": {"Name": "web"}, "tags_all": {"Name": "web"},
           "timeouts": None, "vpc_security_group_ids": ["sg-0123456789abcdef0"]}
    add(Inst("aws_instance", "web", AWS, 1, web, updated(web, instance_type="t3.medium"), ["update"]))
    sg = {"arn": "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0",
          "description": "web", "egress": [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 0,
                                            "ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "-1",
                                            "security_groups": [], "self": False, "to_port": 0}],
          "id": "sg-0123456789abcdef0",
          "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "description": "https", "from_port": 443,
                       "ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "tcp", "security_groups": [],
                       "self": False, "to_port": 443}],
          "name": "web", "name_prefix": "", "owner_id": "123456789012", "revoke_rules_on_delete": False,
          "tags": {}, "tags_all": {}, "timeouts": None, "vpc_id": "vpc-0123456789abcdef0"}
    add(Inst("aws_security_group", "web", AWS, 1, sg, actions=["no-op"]))
    add(Inst("aws_s3_bucket", "assets", AWS, 0, None, {
        "acceleration_status": U, "acl": U, "arn": U, "bucket": "example-com-assets", "bucket_domain_name": U,
        "bucket_prefix": U, "bucket_regional_domain_name": U, "cors_rule": UL, "force_destroy": False,
        "grant": UL, "hosted_zone_id": U, "id": U, "lifecycle_rule": UL, "logging": UL, "object_lock_configuration": UL,
        "object_lock_enabled": U, "policy": U, "region": U, "replication_configuration": UL,
        "request_payer": U, "server_side_encryption_configuration": UL, "tags": {"Purpose": "static assets"},
        "tags_all": {"Purpose": "static assets"}, "timeouts": None, "versioning": UL, "website": UL,
        "website_domain": U, "website_endpoint": U}, ["create"]))
    configuration = {
        "provider_config": aws_provider_config(),
        "root_module": {"resources": [
            cres("aws_instance", "web", "aws", 1, {"ami": R("data.aws_ami.ubuntu.id"), "instance_type": C("t3.medium"),
                                                   "key_name": C("deploy"), "tags": C({"Name": "web"}),
                                                   "vpc_security_group_ids": R("aws_security_group.web.id")}),
            cres("aws_s3_bucket", "assets", "aws", 0, {"bucket": C("example-com-assets"),
                                                       "tags": C({"Purpose": "static assets"})}),
            cres("aws_security_group", "web", "aws", 1, {"name": C("web"), "description": C("web")}),
            cres("aws_ami", "ubuntu", "aws", 0, {"most_recent": C(True), "owners": C(["099720109477"])}, mode="data"),
        ]},
    }
    return plan(insts, configuration)


# ====================================================================== unknown-sensitive.json

def unknown_sensitive():
    insts = []
    add = insts.append

    add(Inst("aws_route53_zone", "main", AWS, 0, r53_zone(ZID, ZONE, AWS_NS), actions=["no-op"]))
    add(Inst("aws_route53_zone", "net", AWS, 0, None, r53_zone(None, "example.net", None, new=True), ["create"]))

    # dkim: a TXT whose text comes from a sensitive variable; longer than 255 octets, so the
    # configuration splits it with the provider's "\"\"" convention.
    first, rest = dkim_halves()
    dkim_text = first + '""' + rest
    dkim = r53(ZID, ZONE, "google._domainkey", "TXT", ttl=3600, records=S([dkim_text]), new=True)
    add(Inst("aws_route53_record", "dkim", AWS, 2, None, dkim, ["create"]))

    # module.tenant["acme"]: a sensitive verification token rotated.
    verify = r53(ZID, ZONE, "_verify.acme.example.com", "TXT", ttl=300, records=S(["acme-verification=4f1c2d9e7a"]))
    add(Inst("aws_route53_record", "verify", AWS, 2, verify,
             updated(verify, records=S(["acme-verification=b83e605f1d"])), ["update"],
             module='module.tenant["acme"]'))

    # app: address of an Elastic IP created in this plan, unknown until apply.
    add(Inst("aws_eip", "app", AWS, 0, None, {
        "address": None, "allocation_id": U, "associate_with_private_ip": None, "association_id": U,
        "carrier_ip": U, "customer_owned_ip": U, "customer_owned_ipv4_pool": None, "domain": "vpc", "id": U,
        "instance": None, "network_border_group": U, "network_interface": U, "private_dns": U, "private_ip": U,
        "public_dns": U, "public_ip": U, "public_ipv4_pool": U, "tags": None, "tags_all": UO, "timeouts": None},
        ["create"]))
    add(Inst("aws_route53_record", "app", AWS, 2, None,
             r53(ZID, ZONE, "app", "A", ttl=60, records=UL, new=True), ["create"]))

    # api: an existing record whose address becomes unknown (its instance is replaced).
    api = r53(ZID, ZONE, "api", "A", ttl=60, records=["52.94.236.248"])
    add(Inst("aws_route53_record", "api", AWS, 2, api, updated(api, records=UL), ["update"]))
    inst_before = {"ami": "ami-0c7217cdde317cfec", "id": "i-0fedc9876ba543210", "instance_type": "t3.small",
                   "private_ip": "10.0.2.15", "public_ip": "52.94.236.248", "tags": {"Name": "api"},
                   "tags_all": {"Name": "api"}}
    inst_after = {"ami": "ami-0e2c8caa4b6378d8c", "id": U, "instance_type": "t3.small", "private_ip": U,
                  "public_ip": U, "tags": {"Name": "api"}, "tags_all": {"Name": "api"}}
    add(Inst("aws_instance", "api", AWS, 1, inst_before, inst_after, ["delete", "create"],
             action_reason="replace_because_cannot_update", replace_paths=[["ami"]]))

    # A zone created in this plan, a record in it (zone_id unknown), and a data source that
    # reads the new zone: its read waits for apply.
    www_net = r53(None, None, "www.example.net", "A", ttl=300, records=["52.94.236.250"], new=True)
    www_net["zone_id"] = U
    add(Inst("aws_route53_record", "net_www", AWS, 2, None, www_net, ["create"]))
    add(Inst("aws_route53_zone", "net", AWS, 0, None, {
        "arn": U, "caller_reference": U, "comment": U, "id": U, "linked_service_description": U,
        "linked_service_principal": U, "name": U, "name_servers": UL, "primary_name_server": U,
        "private_zone": None, "resource_record_set_count": U, "tags": UO, "vpc_id": U, "zone_id": U},
        ["read"], mode="data", action_reason="read_because_config_unknown"))

    # preview: a name known only after apply.
    add(Inst("random_pet", "preview", RANDOM, 0, None, {"id": U, "keepers": None, "length": 2, "prefix": None,
                                                        "separator": "-"}, ["create"]))
    preview = r53(ZID, ZONE, "x", "A", ttl=60, records=["52.94.236.251"], new=True)
    preview["name"] = U
    add(Inst("aws_route53_record", "preview", AWS, 2, None, preview, ["create"]))

    z = zone_ref()
    configuration = {
        "provider_config": dict(aws_provider_config(), random=provider("random", RANDOM, "~> 3.6")),
        "root_module": {
            "outputs": {"dkim_record": {"sensitive": True, "expression": R("aws_route53_record.dkim.records")}},
            "resources": [
                cres("aws_eip", "app", "aws", 0, {"domain": C("vpc")}),
                cres("aws_instance", "api", "aws", 1, {"ami": C("ami-0e2c8caa4b6378d8c"), "instance_type": C("t3.small"),
                                                       "tags": C({"Name": "api"})}),
                record_cfg("api", z, {"name": C("api"), "type": C("A"), "ttl": C(60),
                                      "records": R("aws_instance.api.public_ip")}),
                record_cfg("app", z, {"name": C("app"), "type": C("A"), "ttl": C(60),
                                      "records": R("aws_eip.app.public_ip")}),
                record_cfg("dkim", z, {"name": C("google._domainkey"), "type": C("TXT"), "ttl": C(3600),
                                       "records": R("var.dkim_public_key")}),
                record_cfg("net_www", R("aws_route53_zone.net.zone_id"), {
                    "name": C("www.example.net"), "type": C("A"), "ttl": C(300), "records": C(["52.94.236.250"])}),
                record_cfg("preview", z, {"name": R("random_pet.preview.id"), "type": C("A"), "ttl": C(60),
                                          "records": C(["52.94.236.251"])}),
                cres("aws_route53_zone", "main", "aws", 0, {"name": C("example.com")}),
                cres("aws_route53_zone", "net", "aws", 0, {"name": C("example.net")}),
                cres("random_pet", "preview", "random", 0, {"length": C(2)}),
                cres("aws_route53_zone", "net", "aws", 0, {"zone_id": R("aws_route53_zone.net.zone_id")}, mode="data"),
            ],
            "module_calls": {
                "tenant": {
                    "source": "./modules/tenant",
                    "for_each_expression": C({"acme": {}}),
                    "expressions": {"zone_id": R("aws_route53_zone.main.zone_id"),
                                    "verification_token": R("var.tenant_tokens", "each.key")},
                    "module": {
                        "resources": [cres("aws_route53_record", "verify", "aws", 2, {
                            "zone_id": R("var.zone_id"), "name": R("each.key"), "type": C("TXT"), "ttl": C(300),
                            "records": R("var.verification_token")})],
                        "variables": {"zone_id": {}, "verification_token": {"sensitive": True}},
                    },
                },
            },
            "variables": {"dkim_public_key": {"sensitive": True}, "tenant_tokens": {"sensitive": True}},
        },
    }
    configuration["root_module"]["module_calls"]["tenant"]["module"]["resources"][0]["expressions"]["name"] = C(
        "_verify.acme.example.com")
    output_changes = {"dkim_record": {"actions": ["create"], "before": None, "after": [dkim_text],
                                      "after_unknown": False, "before_sensitive": True, "after_sensitive": True}}
    return plan(insts, configuration,
                variables={"dkim_public_key": dkim_text, "tenant_tokens": {"acme": "acme-verification=b83e605f1d"}},
                outputs={"dkim_record": {"sensitive": True, "type": ["set", "string"], "value": [dkim_text]}},
                output_changes=output_changes)


# ====================================================================== scenarios

def simple_config(insts, variables=None, for_each=None, count=None):
    """A configuration block for plain Route 53 plans: one resource block per resource (not per
    instance), constant arguments taken from its planned (or prior) value."""
    blocks = {}
    for i in insts:
        if i.mode != "managed" or (i.type, i.name) in blocks:
            continue
        v = i.after if i.after is not None else i.before
        if i.type == "aws_route53_zone":
            blocks[(i.type, i.name)] = cres(i.type, i.name, "aws", 0, {"name": C(v["name"])})
            continue
        e = {"zone_id": R("aws_route53_zone.main.zone_id")}
        e["name"] = R("count.index") if i.index is not None and isinstance(i.index, int) else C(v["name"])
        e["type"] = C(v["type"])
        if v.get("ttl") is not None:
            e["ttl"] = C(v["ttl"])
        if i.index is not None:
            e["records"] = R("each.value") if isinstance(i.index, str) else R("var.%s_addresses" % i.name, "count.index")
        elif v.get("records") is not None:
            e["records"] = C(v["records"])
        if v.get("allow_overwrite"):
            e["allow_overwrite"] = C(True)
        if v.get("weighted_routing_policy"):
            e["set_identifier"] = R("each.key")
            e["weighted_routing_policy"] = [{"weight": C(v["weighted_routing_policy"][0]["weight"])}]
        kw = {}
        if for_each and i.name in for_each:
            kw["for_each"] = for_each[i.name]
        if count and i.name in count:
            kw["count"] = count[i.name]
        blocks[(i.type, i.name)] = cres(i.type, i.name, "aws", 2, e, **kw)
    root = {"resources": [blocks[k] for k in sorted(blocks)]}
    if variables:
        root["variables"] = {k: {} for k in sorted(variables)}
    return {"provider_config": aws_provider_config(), "root_module": root}


def base_zone(ns_records=False):
    """example.com with the records every scenario starts from (no-op)."""
    insts = [Inst("aws_route53_zone", "main", AWS, 0, r53_zone(ZID, ZONE, AWS_NS), actions=["no-op"])]
    for name, rtype, ttl, records in (
            ("www", "A", 300, ["52.94.236.248"]),
            ("example.com", "A", 300, ["52.94.236.248"]),
            ("example.com", "MX", 3600, ["10 inbound-smtp.us-east-1.amazonaws.com"]),
            ("example.com", "TXT", 300, ["v=spf1 include:amazonses.com -all"])):
        label = {"www": "www", "A": "apex", "MX": "mx", "TXT": "spf"}[name if name == "www" else rtype]
        insts.append(Inst("aws_route53_record", label, AWS, 2, r53(ZID, ZONE, name, rtype, ttl=ttl, records=records),
                          actions=["no-op"]))
    return insts


def scenario(slug, insts, variables=None, for_each=None, count=None):
    d = os.path.join(SCENARIOS, "terraform-" + slug)
    os.makedirs(d, exist_ok=True)
    write(os.path.join(d, "plan.json"), plan(insts, simple_config(insts, variables, for_each, count),
                                             variables=variables))


def db_member(region, address, weight=50):
    return r53(ZID, ZONE, "db", "A", ttl=60, records=[address], set_id=region, weight=weight)


def scenarios():
    # Blocks: both weighted members of db emptied while api still points at db.
    insts = base_zone()
    insts.append(Inst("aws_route53_record", "api", AWS, 2,
                      r53(ZID, ZONE, "api", "CNAME", ttl=300, records=["db.example.com"]), actions=["no-op"]))
    for region, address in (("us-east-1", "18.204.0.20"), ("us-west-2", "44.224.0.20")):
        insts.append(Inst("aws_route53_record", "db", AWS, 2, db_member(region, address), None, ["delete"],
                          index=region, action_reason="delete_because_each_key"))
    scenario("weighted-endpoint-emptied", insts, variables={"db_endpoints": {}},
             for_each={"db": R("var.db_endpoints")})

    # Blocks: the apex NS set (managed with allow_overwrite) moved to other servers.
    insts = base_zone()
    ns = r53(ZID, ZONE, "example.com", "NS", ttl=172800, records=AWS_NS, allow_overwrite=True)
    insts.append(Inst("aws_route53_record", "apex_ns", AWS, 2, ns,
                      updated(ns, records=["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"]), ["update"]))
    scenario("apex-ns-changed", insts)

    # Blocks: count drops from 12 to 7, deleting 5 of the zone's 12 address records.
    insts = [Inst("aws_route53_zone", "main", AWS, 0, r53_zone(ZID, ZONE, AWS_NS), actions=["no-op"])]
    addresses = ["3.120.6.%d" % (10 + n) for n in range(12)]
    for n in range(12):
        rec = r53(ZID, ZONE, "host-%d" % n, "A", ttl=300, records=[addresses[n]])
        if n < 7:
            insts.append(Inst("aws_route53_record", "host", AWS, 2, rec, actions=["no-op"], index=n))
        else:
            insts.append(Inst("aws_route53_record", "host", AWS, 2, rec, None, ["delete"], index=n,
                              action_reason="delete_because_count_index"))
    scenario("mass-delete", insts, variables={"host_count": 7, "host_addresses": addresses[:7]},
             count={"host": R("var.host_count")})

    # Passes: one new address record.
    insts = base_zone()
    insts.append(Inst("aws_route53_record", "api", AWS, 2,
                      r53(ZID, ZONE, "api", "CNAME", ttl=300, records=["www.example.com"]), actions=["no-op"]))
    insts.append(Inst("aws_route53_record", "status", AWS, 2, None,
                      r53(ZID, ZONE, "status", "A", ttl=300, records=["54.239.28.85"], new=True), ["create"]))
    scenario("record-added", insts)

    # Passes: one of two weighted members changes its only address.
    insts = base_zone()
    insts.append(Inst("aws_route53_record", "api", AWS, 2,
                      r53(ZID, ZONE, "api", "CNAME", ttl=300, records=["db.example.com"]), actions=["no-op"]))
    east = db_member("us-east-1", "18.204.0.20")
    insts.append(Inst("aws_route53_record", "db", AWS, 2, east, updated(east, records=["18.204.0.21"]), ["update"],
                      index="us-east-1"))
    insts.append(Inst("aws_route53_record", "db", AWS, 2, db_member("us-west-2", "44.224.0.20"),
                      actions=["no-op"], index="us-west-2"))
    scenario("weighted-member-ip-swapped", insts,
             variables={"db_endpoints": {"us-east-1": ["18.204.0.21"], "us-west-2": ["44.224.0.20"]}},
             for_each={"db": R("var.db_endpoints")})

    # Passes: www's TTL lowered from an hour to five minutes.
    insts = [i for i in base_zone() if i.name != "www"]
    www = r53(ZID, ZONE, "www", "A", ttl=3600, records=["52.94.236.248"])
    insts.append(Inst("aws_route53_record", "www", AWS, 2, www, updated(www, ttl=300), ["update"]))
    scenario("ttl-lowered", insts)

    # Exit 2: the weighted-endpoint-emptied plan cut off after 400 bytes, as a failed upload leaves it.
    d = os.path.join(SCENARIOS, "terraform-plan-truncated")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(SCENARIOS, "terraform-weighted-endpoint-emptied", "plan.json"), "rb") as f:
        cut = f.read(400)
    with open(os.path.join(d, "plan.json"), "wb") as f:
        f.write(cut)


def main():
    write(os.path.join(HERE, "aws-route53.json"), aws_route53())
    write(os.path.join(HERE, "cloudflare-v4.json"), cloudflare_v4())
    write(os.path.join(HERE, "cloudflare-v5.json"), cloudflare_v5())
    write(os.path.join(HERE, "google.json"), google())
    write(os.path.join(HERE, "azure.json"), azure())
    write(os.path.join(HERE, "no-dns.json"), no_dns())
    write(os.path.join(HERE, "unknown-sensitive.json"), unknown_sensitive())
    scenarios()


if __name__ == "__main__":
    main()
