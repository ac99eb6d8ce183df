#!/usr/bin/env python3
'''
Loads the zones of an octoDNS main config with octoDNS's own Manager, as
octodns-sync fills them, and prints what octoDNS then holds, as JSON.

Run it with an interpreter that can import octoDNS (octoDNS's
bin/octodns-python):

  octodns_config_dump.py --manifest MANIFEST.json
  octodns_config_dump.py --serve      (one case a line on standard input)

MANIFEST.json is a list of cases, each a map with "id", "dir" (the directory
octodns-sync would run in: provider directories are relative to it) and
"config" (the config file, relative to "dir"). Prints one JSON line per case,
{"id": ..., "result": ...}, where a result is

  {"ok": true, "zones": {ZONE: ZONE_RESULT, ...}}

with one entry per zone octoDNS would sync (dynamic entries expanded by
Manager._preprocess_zones, aliases copied from their zone), each ZONE_RESULT
as octodns_dump.py gives it for one file ({"ok": true, "records": [...]} or
{"ok": false, "error": ...}); or {"ok": false, "error": ...} when octoDNS
cannot get as far as the zones (the config, or listing a dynamic entry).

Each zone is filled as Manager._populate_and_plan fills it: every source's
populate(zone, lenient=...) in the order of its sources, then
then the process_source_zone of each of its processors that zonegate applies
(the filters of octodns.processor.filter but the value filters,
OwnershipProcessor, TtlRestrictionFilter, TtlClampProcessor, EnsureTrailingDots and
AcmeManagingProcessor), then
zone.validate(lenient=...); an alias zone gets its zone's records (as that
zone's processors left them), each add_record(copy, lenient=...), then the
processors and the lenient Manager.sync's loop left (those of the last zone
that is not an alias), then validate(lenient=...). Other processors and the
targets are not run.
'''

import json
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from octodns.manager import Manager  # noqa: E402

from octodns_dump import _record  # noqa: E402


# The processors zonegate applies; it names the others in a notice and judges without them.
APPLIED = {
    'TypeAllowlistFilter',
    'TypeRejectlistFilter',
    'NameAllowlistFilter',
    'NameRejectlistFilter',
    'NetworkValueAllowlistFilter',
    'NetworkValueRejectlistFilter',
    'IgnoreRootNsFilter',
    'ZoneNameFilter',
}


def _process(zone, processors, sources, lenient):
    for processor in processors:
        cls = processor.__class__
        if (
            cls.__module__ == 'octodns.processor.filter'
            and cls.__name__ in APPLIED
            or cls.__module__ == 'octodns.processor.ownership'
            or cls.__module__ == 'octodns.processor.restrict'
            or cls.__module__ == 'octodns.processor.acme'
            or cls.__module__ == 'octodns.processor.clamp'
            or cls.__module__ == 'octodns.processor.trailing_dots'
        ):
            zone = processor.process_source_zone(
                zone, sources=sources, lenient=lenient
            )
    return zone


def _zone(manager, name, config):
    lenient = config.get('lenient', False)
    zone = manager.get_zone(name)
    try:
        # As sync: an unknown processor fails the zone.
        processors = manager._get_processors(name, config)
        sources = manager._get_sources(name, config, [])
        for source in sources:
            source.populate(zone, lenient=lenient)
        zone = _process(zone, processors, sources, lenient)
        zone.validate(lenient=lenient)
    except Exception as e:
        return {'ok': False, 'error': f'{e.__class__.__name__}: {e}'}, None
    records = sorted(
        (_record(r) for r in zone.records), key=lambda r: (r['name'], r['type'])
    )
    return {'ok': True, 'records': records, 'warnings': []}, zone


def load(case):
    here = os.getcwd()
    os.chdir(case['dir'])
    try:
        try:
            manager = Manager(case['config'])
            zones = manager._preprocess_zones(manager.config['zones'])
        except Exception as e:
            return {'ok': False, 'error': f'{e.__class__.__name__}: {e}'}
        out = {}
        filled = {}
        aliases = {}
        # Manager.sync copies an alias zone's records under `lenient` as its loop over
        # the zones left it: the last zone that is not an alias, not the alias's own
        # entry nor the zone it copies.
        lenient = False
        processors = []
        for name, config in zones.items():
            if 'alias' in config:
                aliases[name] = config['alias']
                continue
            lenient = config.get('lenient', False)
            try:
                processors = manager._get_processors(name, config)
            except Exception:
                pass  # the zone fails below
            out[name], filled[name] = _zone(manager, name, config)
        for name, target in aliases.items():
            source = filled.get(target)
            if source is None:
                out[name] = {'ok': False, 'error': f'alias of {target}'}
                continue
            zone = manager.get_zone(name)
            try:
                for record in source.records:
                    zone.add_record(record.copy(zone=zone), lenient=lenient)
                zone = _process(zone, processors, [], lenient)
                zone.validate(lenient=lenient)
            except Exception as e:
                out[name] = {'ok': False, 'error': f'{e.__class__.__name__}: {e}'}
                continue
            out[name] = {
                'ok': True,
                'records': sorted(
                    (_record(r) for r in zone.records),
                    key=lambda r: (r['name'], r['type']),
                ),
                'warnings': [],
            }
        return {'ok': True, 'zones': out}
    finally:
        os.chdir(here)


def _dump(obj):
    return json.dumps(obj, sort_keys=True, ensure_ascii=True, default=str)


def main(argv):
    serve = argv == ['--serve']
    if not serve and (len(argv) != 2 or argv[0] != '--manifest'):
        print(
            'usage: octodns_config_dump.py --manifest MANIFEST.json | --serve',
            file=sys.stderr,
        )
        return 2
    logging.getLogger().setLevel(logging.CRITICAL)
    logging.getLogger().handlers[:] = []
    logging.getLogger().addHandler(logging.NullHandler())
    logging.captureWarnings(True)
    if serve:
        # One case per line on standard input, each answered at once (the fuzz test's).
        for line in sys.stdin:
            if line.strip():
                case = json.loads(line)
                try:
                    answer = {'id': case['id'], 'result': load(case)}
                except Exception as e:  # the dumper's own failure
                    answer = {
                        'id': case['id'],
                        'peer_error': f'{e.__class__.__name__}: {e}',
                    }
                sys.stdout.write(_dump(answer))
                sys.stdout.write('\n')
                sys.stdout.flush()
        return 0
    with open(argv[1], encoding='utf-8') as fh:
        cases = json.load(fh)
    for case in cases:
        result = load(case)
        sys.stdout.write(_dump({'id': case['id'], 'result': result}))
        sys.stdout.write('\n')
    sys.stdout.flush()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
