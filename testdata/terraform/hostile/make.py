#!/usr/bin/env python3
"""Writes the hostile Terraform plan inputs in this directory. Run: python3 testdata/terraform/hostile/make.py

Each file is a small, otherwise well-formed plan (format_version 1.2: example.com's zone and one
aws_route53_record being created) with one thing wrong; README.md in the parent directory says
what zonegate must do with each. Deterministic: running it again rewrites the same bytes.
"""

import copy
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ZID = "Z0123456789ABCDEFGHIJ"
AWS = "registry.terraform.io/hashicorp/aws"


def zone_state():
    return {"arn": "arn:aws:route53:::hostedzone/" + ZID, "comment": "Managed by Terraform", "delegation_set_id": "",
            "force_destroy": False, "id": ZID, "name": "example.com",
            "name_servers": ["ns-1536.awsdns-00.co.uk", "ns-0.awsdns-00.com", "ns-1024.awsdns-00.org",
                             "ns-512.awsdns-00.net"],
            "primary_name_server": "ns-1536.awsdns-00.co.uk", "tags": None, "tags_all": {}, "vpc": [],
            "zone_id": ZID}


def record_after(name, rtype, records):
    """A planned aws_route53_record create, unknown attributes (fqdn, id, allow_overwrite) left out."""
    return {"alias": [], "cidr_routing_policy": [], "failover_routing_policy": [], "geolocation_routing_policy": [],
            "geoproximity_routing_policy": [], "health_check_id": None, "latency_routing_policy": [],
            "multivalue_answer_routing_policy": None, "name": name, "records": records, "set_identifier": None,
            "ttl": 300, "type": rtype, "weighted_routing_policy": [], "zone_id": ZID}


EMPTY_BLOCKS = {"alias": [], "cidr_routing_policy": [], "failover_routing_policy": [],
                "geolocation_routing_policy": [], "geoproximity_routing_policy": [], "latency_routing_policy": [],
                "weighted_routing_policy": []}


def base_plan(name="bigset", rtype="A", records=("52.94.236.248",), records_sensitive=None, records_unknown=None):
    after = record_after(name, rtype, list(records) if isinstance(records, tuple) else records)
    sens = dict(EMPTY_BLOCKS, records=records_sensitive if records_sensitive is not None else [False] * len(records))
    unk = dict(EMPTY_BLOCKS, allow_overwrite=True, fqdn=True, id=True,
               records=records_unknown if records_unknown is not None else [False] * len(records))
    zone = zone_state()
    zone_sens = {"name_servers": [False] * 4, "tags_all": {}, "vpc": []}
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": [
            {"address": "aws_route53_record." + "rec", "mode": "managed", "type": "aws_route53_record", "name": "rec",
             "provider_name": AWS, "schema_version": 2, "values": after, "sensitive_values": sens},
            {"address": "aws_route53_zone.main", "mode": "managed", "type": "aws_route53_zone", "name": "main",
             "provider_name": AWS, "schema_version": 0, "values": zone, "sensitive_values": zone_sens},
        ]}},
        "resource_changes": [
            {"address": "aws_route53_record.rec", "mode": "managed", "type": "aws_route53_record", "name": "rec",
             "provider_name": AWS,
             "change": {"actions": ["create"], "before": None, "after": after, "after_unknown": unk,
                        "before_sensitive": False, "after_sensitive": sens}},
            {"address": "aws_route53_zone.main", "mode": "managed", "type": "aws_route53_zone", "name": "main",
             "provider_name": AWS,
             "change": {"actions": ["no-op"], "before": zone, "after": zone, "after_unknown": {},
                        "before_sensitive": zone_sens, "after_sensitive": zone_sens}},
        ],
        "prior_state": {"format_version": "1.0", "terraform_version": "1.9.5", "values": {"root_module": {
            "resources": [{"address": "aws_route53_zone.main", "mode": "managed", "type": "aws_route53_zone",
                           "name": "main", "provider_name": AWS, "schema_version": 0, "values": zone,
                           "sensitive_values": zone_sens}]}}},
        "configuration": {
            "provider_config": {"aws": {"name": "aws", "full_name": AWS, "version_constraint": "~> 5.80"}},
            "root_module": {"resources": [
                {"address": "aws_route53_record.rec", "mode": "managed", "type": "aws_route53_record", "name": "rec",
                 "provider_config_key": "aws",
                 "expressions": {"zone_id": {"references": ["aws_route53_zone.main.zone_id", "aws_route53_zone.main"]},
                                 "name": {"constant_value": name}, "type": {"constant_value": rtype},
                                 "ttl": {"constant_value": 300}, "records": {"references": ["local.records"]}},
                 "schema_version": 2},
                {"address": "aws_route53_zone.main", "mode": "managed", "type": "aws_route53_zone", "name": "main",
                 "provider_config_key": "aws", "expressions": {"name": {"constant_value": "example.com"}},
                 "schema_version": 0}]}},
        "timestamp": "2025-03-14T09:26:53Z",
        "applyable": True,
        "complete": True,
        "errored": False,
    }


def write_text(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_bytes(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def deep_nesting():
    """records nested 10,000 arrays deep. Python's json module cannot write it (recursion), so the
    nest is spliced into the text in place of a marker."""
    depth = 10000
    marker = "@@NEST@@"
    p = base_plan(name="deep", records=(marker,))
    text = json.dumps(p, indent=2) + "\n"
    nest = "[" * depth + '"52.94.236.248"' + "]" * depth
    # Both copies of the value: resource_changes[0].change.after and planned_values.
    text, count = re.subn(r'\[\s*"%s"\s*\]' % marker, lambda m: nest, text)
    assert count == 2 and marker not in text, "marker left in deep-nesting.json"
    write_text("deep-nesting.json", text)


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def huge_array():
    """One TXT record set of 200,000 short distinct strings, written compact. The array is there
    twice, as Terraform writes it: the change's after and planned_values. Terraform would also
    write three mirrors of 200,000 `false` (after_unknown, after_sensitive, sensitive_values);
    they are left out here (an omitted key means known and not sensitive) to keep the file
    under 4 MB."""
    n = 200000
    values = ["t" + base36(i) for i in range(n)]
    p = base_plan(name="huge", rtype="TXT", records=values)
    for holder in (p["resource_changes"][0]["change"]["after_unknown"],
                   p["resource_changes"][0]["change"]["after_sensitive"],
                   p["planned_values"]["root_module"]["resources"][0]["sensitive_values"]):
        holder.pop("records", None)  # after_sensitive and sensitive_values may be one object
    write_text("huge-array.json", json.dumps(p, separators=(",", ":")) + "\n")


def not_utf8():
    """A record name with the raw bytes 0xFF 0xFE, which no UTF-8 text can contain."""
    marker = "www-NOTUTF8"
    p = base_plan(name=marker)
    text = json.dumps(p, indent=2) + "\n"
    data = text.encode("utf-8").replace(marker.encode(), b"www\xff\xfe")
    assert data.count(b"\xff\xfe") == 3  # the change, planned_values and the configuration
    write_bytes("not-utf8.json", data)


def duplicate_keys():
    """The record's change object has "after" twice with different records; a parser that keeps
    the last one silently would see 54.239.28.85, one that keeps the first 52.94.236.248."""
    p = base_plan(name="dup")
    text = json.dumps(p, indent=2) + "\n"
    second = copy.deepcopy(p["resource_changes"][0]["change"]["after"])
    second["records"] = ["54.239.28.85"]
    second_text = json.dumps(second, indent=2).replace("\n", "\n        ")
    anchor = '        "after_unknown": {\n          "alias"'
    assert text.count(anchor) == 1
    text = text.replace(anchor, '        "after": ' + second_text + ",\n" + anchor)
    write_text("duplicate-keys.json", text)


def truncated():
    """A plan cut off in the middle of the record's planned value, as a full disk or a size-capped
    CI artifact would leave it."""
    text = json.dumps(base_plan(name="cut"), indent=2) + "\n"
    cut = text.index('"52.94.236.248"') + len('"52.94.2')
    write_text("truncated.json", text[:cut])


def not_a_plan():
    """Valid JSON, but an array: what `terraform show -json tfplan | jq .resource_changes` leaves."""
    p = base_plan(name="www")
    write_text("not-a-plan.json", json.dumps(p["resource_changes"], indent=2) + "\n")


if __name__ == "__main__":
    deep_nesting()
    huge_array()
    not_utf8()
    duplicate_keys()
    truncated()
    not_a_plan()
