#!/usr/bin/env python3
# SPDX-FileCopyrightText: Closient Station contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates EPCIS documents with python3-jsonschema (Debian 12) against GS1's EPCIS 2.0 JSON Schema.

Usage: jsonschema_check.py SCHEMA FILE...
Prints one line per file: "FILE<TAB>ok", "FILE<TAB>invalid<TAB>first reason" or "FILE<TAB>unreadable<TAB>why"
(not JSON). Exit code 0 either way; 2 when the schema cannot be read.
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    for path in sys.argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as e:
            print("%s\tunreadable\t%s" % (path, e))
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            print("%s\tinvalid\t%s" % (path, errors[0].message.replace("\n", " ")))
        else:
            print("%s\tok" % path)


if __name__ == "__main__":
    try:
        main()
    except (OSError, ValueError) as e:
        print(e, file=sys.stderr)
        sys.exit(2)
