#!/usr/bin/python3
"""A foreign gRPC peer (Debian's python3-grpcio) that makes one unary call over TLS, optionally with a client certificate.

Usage: tls_unary_call.py --target HOST:PORT --method /package.Service/Method [--ca ca.crt] [--cert c.crt --key c.key]
The request is empty (every field at its default) and the response is not decoded, so no generated code is needed.
Prints one JSON object: {"ok": true, "response_hex": "..."} or {"ok": false, "code": "UNAVAILABLE", "details": "..."};
the exit code is 0 whenever the call was attempted.
"""
import argparse
import json
import sys

import grpc


def read(path):
    if path is None:
        return None
    with open(path, "rb") as file:
        return file.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True, help="host:port")
    parser.add_argument("--method", required=True, help="/package.Service/Method")
    parser.add_argument("--ca", help="PEM bundle of trusted authorities")
    parser.add_argument("--cert", help="PEM client certificate, for mutual TLS")
    parser.add_argument("--key", help="PEM private key of --cert")
    parser.add_argument("--timeout", type=float, default=60.0)
    arguments = parser.parse_args()

    credentials = grpc.ssl_channel_credentials(
        root_certificates=read(arguments.ca),
        private_key=read(arguments.key),
        certificate_chain=read(arguments.cert))
    with grpc.secure_channel(arguments.target, credentials) as channel:
        call = channel.unary_unary(arguments.method)  # no (de)serializers: raw bytes
        try:
            response = call(b"", timeout=arguments.timeout)
            result = {"ok": True, "response_hex": response.hex()}
        except grpc.RpcError as error:
            result = {"ok": False, "code": error.code().name, "details": error.details()}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
