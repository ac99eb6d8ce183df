#!/usr/bin/env python3
'''
Loads octoDNS YAML zone files with octoDNS's own YamlProvider, exactly as
octodns-sync does, and prints what octoDNS then holds, as JSON.

Run it with an interpreter that can import octoDNS (octoDNS's
bin/octodns-python). Two ways to call it:

  octodns_dump.py ZONE FILE [--no-enforce-order] [--order-mode natural|simple]
                  [--default-ttl N] [--no-escaped-semicolons]
                  [--populate-should-replace] [--lenient]

      prints one result for one file.

  octodns_dump.py --manifest MANIFEST.json

      MANIFEST.json is a list of cases, each a map with "id", "zone", "file"
      and optionally "enforce_order" (default true), "order_mode" ("natural"),
      "default_ttl" (3600), "escaped_semicolons" (true),
      "populate_should_replace" (false) and "lenient" (false). Prints one JSON
      line per case, {"id": ..., "result": ...}, in manifest order: one process
      for many cases.

  octodns_dump.py --serve

      reads one case per line on standard input (a map as in a manifest) and
      answers each at once with its line, as --manifest would print it, until
      standard input ends: one process for cases not known in advance (the
      fuzz test's).

A result is either

  {"ok": true, "records": [...], "warnings": [...]}

with one entry per record: "name" (absolute, IDNA), "type", "ttl", "values"
(presentation RDATA as octoDNS renders it for providers, Record.to_rrset()),
"octodns" (the record's octodns: map), "dynamic", "geo", "ignored",
"lenient"; or

  {"ok": false, "stage": "populate"|"validate", "error": "...",
   "validators": [ids of the failing validators, when octoDNS names them]}

Loading is YamlProvider._populate_from_file on the given file (the file name
need not follow the <zone>yaml convention) followed by Zone.validate, the two
steps octodns-sync takes for each source file. No manager config is given, so
octoDNS enables its default "legacy" validator set.
'''

import argparse
import json
import logging
import sys
from datetime import date, datetime

from octodns.provider.yaml import YamlProvider
from octodns.record import ValidationError as RecordValidationError
from octodns.zone import Zone
from octodns.zone.exception import ValidationError as ZoneValidationError


class _Collect(logging.Handler):
    '''Keeps the warnings octoDNS logs (lenient records, deprecations).'''

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        try:
            message = record.getMessage()
        except Exception:  # pragma: no cover - a message that cannot format
            message = str(record.msg)
        # said once per process, not about the zone being loaded
        if 'automatically enabling legacy set' not in message:
            self.messages.append(message)


def _plain(value):
    '''JSON-safe copy of YAML data (dates, bytes, sets, odd keys).'''
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode('latin-1')
    if isinstance(value, float) and value != value:
        return 'nan'
    if isinstance(value, float) and value in (float('inf'), float('-inf')):
        return str(value)
    return value


def _validators(error):
    ids = []
    for reason in getattr(error, 'reasons', None) or []:
        vid = getattr(reason, 'validator_id', None)
        if vid and vid not in ids:
            ids.append(vid)
    return ids


def _record(record):
    out = {
        'name': record.fqdn,
        'type': record._type,
        'ttl': record.ttl,
        'ignored': bool(record.ignored),
        'lenient': bool(record.lenient),
        'octodns': _plain(record.octodns),
    }
    try:
        out['values'] = list(record.to_rrset().rdatas)
    except AttributeError as e:
        # AcmeManagingProcessor appends a plain str ('*octoDNS*') to a TXT record's values, which
        # octoDNS 1.22's to_rrset cannot render; a provider gets that text as a TXT value, so it
        # is rendered here as the record's own value type renders one.
        try:
            vt = record._value_type
            out['values'] = [
                (v if isinstance(v, vt) else vt(v)).to_rdata_text()
                for v in record.values
            ]
        except Exception:
            out['values'] = None
            out['values_error'] = f'{e.__class__.__name__}: {e}'
    except Exception as e:
        out['values'] = None
        out['values_error'] = f'{e.__class__.__name__}: {e}'
    try:
        data = record.data
    except Exception as e:
        data = {}
        out['data_error'] = f'{e.__class__.__name__}: {e}'
    out['dynamic'] = _plain(data.get('dynamic'))
    out['geo'] = _plain(data.get('geo'))
    return out


def load(case):
    collect = _Collect()
    root = logging.getLogger()
    root.addHandler(collect)
    try:
        provider = YamlProvider(
            'zonegate-differential',
            '.',
            default_ttl=case.get('default_ttl', 3600),
            enforce_order=case.get('enforce_order', True),
            order_mode=case.get('order_mode', 'natural'),
            populate_should_replace=case.get('populate_should_replace', False),
            escaped_semicolons=case.get('escaped_semicolons', True),
        )
        lenient = bool(case.get('lenient', False))
        stage = 'populate'
        try:
            zone = Zone(case['zone'], [])
            provider._populate_from_file(case['file'], zone, lenient)
            stage = 'validate'
            zone.validate(lenient=lenient)
        except (RecordValidationError, ZoneValidationError) as e:
            return {
                'ok': False,
                'stage': stage,
                'error': str(e),
                'validators': _validators(e),
            }
        except Exception as e:
            return {
                'ok': False,
                'stage': stage,
                'error': f'{e.__class__.__name__}: {e}',
                'validators': [],
            }
        records = sorted(
            (_record(r) for r in zone.records),
            key=lambda r: (r['name'], r['type']),
        )
        return {'ok': True, 'records': records, 'warnings': collect.messages}
    finally:
        root.removeHandler(collect)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[1])
    parser.add_argument('--manifest')
    parser.add_argument('--serve', action='store_true')
    parser.add_argument('zone', nargs='?')
    parser.add_argument('file', nargs='?')
    parser.add_argument('--no-enforce-order', action='store_true')
    parser.add_argument('--order-mode', default='natural')
    parser.add_argument('--default-ttl', type=int, default=3600)
    parser.add_argument('--no-escaped-semicolons', action='store_true')
    parser.add_argument('--populate-should-replace', action='store_true')
    parser.add_argument('--lenient', action='store_true')
    args = parser.parse_args(argv)
    # octoDNS warns through logging; keep its own output off stderr noise.
    logging.getLogger().setLevel(logging.WARNING)
    logging.getLogger().handlers[:] = []
    logging.getLogger().addHandler(logging.NullHandler())
    # DeprecationWarnings go through the warnings module, not logging.
    logging.captureWarnings(True)

    def dump(obj):
        return json.dumps(obj, sort_keys=True, ensure_ascii=True, default=str)

    if args.manifest:
        with open(args.manifest, encoding='utf-8') as fh:
            cases = json.load(fh)
        out = sys.stdout
        for case in cases:
            out.write(dump({'id': case['id'], 'result': load(case)}))
            out.write('\n')
        out.flush()
        return 0
    if args.serve:
        for line in sys.stdin:
            if line.strip():
                case = json.loads(line)
                try:
                    answer = {'id': case['id'], 'result': load(case)}
                except Exception as e:  # the dumper's own failure, not octoDNS's verdict
                    answer = {'id': case['id'], 'peer_error': f'{e.__class__.__name__}: {e}'}
                sys.stdout.write(dump(answer))
                sys.stdout.write('\n')
                sys.stdout.flush()
        return 0
    if not args.zone or not args.file:
        parser.error('give ZONE and FILE, or --manifest')
    case = {
        'zone': args.zone,
        'file': args.file,
        'enforce_order': not args.no_enforce_order,
        'order_mode': args.order_mode,
        'default_ttl': args.default_ttl,
        'escaped_semicolons': not args.no_escaped_semicolons,
        'populate_should_replace': args.populate_should_replace,
        'lenient': args.lenient,
    }
    print(dump(load(case)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
