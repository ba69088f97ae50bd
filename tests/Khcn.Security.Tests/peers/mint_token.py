#!/usr/bin/env python3
"""Mints a signed JWT with PyJWT, an implementation independent of the .NET code under test.

Reads one JSON request from stdin:
  {"algorithm": "RS256", "private_key_path": "/tmp/key.pem", "claims": {...}, "headers": {...}}
and writes the compact token to stdout. Claims are passed through untouched (exp/nbf/iat as integers), so the
test decides every value, including leaving exp out.
"""
import json
import sys

import jwt


def main() -> None:
    request = json.load(sys.stdin)
    with open(request["private_key_path"], "rb") as key_file:
        private_key = key_file.read()
    token = jwt.encode(
        request["claims"],
        private_key,
        algorithm=request["algorithm"],
        headers=request.get("headers") or None,
    )
    sys.stdout.write(token)


if __name__ == "__main__":
    main()
