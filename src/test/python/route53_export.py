"""Prints a hosted zone as `aws route53 list-resource-record-sets` does (every page, JSON with an
indent of 4), read with botocore's own paginator: the oracle the Route 53 API source is compared
with. Usage: route53_export.py ENDPOINT HOSTED_ZONE_ID PAGE_SIZE"""
import json
import sys

import boto3

endpoint, zone_id, page_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
client = boto3.client(
    "route53",
    endpoint_url=endpoint,
    region_name="us-east-1",
    aws_access_key_id="testing",
    aws_secret_access_key="testing",
)
sets = []
pages = client.get_paginator("list_resource_record_sets").paginate(
    HostedZoneId=zone_id, PaginationConfig={"PageSize": page_size}
)
for page in pages:
    sets.extend(page["ResourceRecordSets"])
print(json.dumps({"ResourceRecordSets": sets}, indent=4))
