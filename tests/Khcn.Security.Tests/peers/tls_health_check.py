#!/usr/bin/python3
"""A foreign gRPC peer that calls grpc.health.v1.Health/Check over TLS, optionally presenting a client certificate.

Usage: tls_health_check.py --target HOST:PORT [--ca ca.crt] [--cert client.crt --key client.key]
Without --ca, grpcio trusts only its default roots. Prints one JSON object: {"ok": true, "status": "SERVING"} or
{"ok": false, "code": "UNAVAILABLE", "details": "..."}; the exit code is 0 whenever the call was attempted.
"""
import argparse
import json
import sys

import grpc

# Debian ships no grpc_health module, and the two messages are tiny, so they are encoded by hand:
# an empty HealthCheckRequest (service "" = the whole server) and a HealthCheckResponse {status = 1: enum}.
SERVING_STATUSES = {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN"}


def serving_status(response: bytes) -> str:
    if not response:
        return SERVING_STATUSES[0]  # proto3 omits a field that holds its default
    if len(response) != 2 or response[0] != 0x08:  # field 1, varint; every status fits in one byte
        raise ValueError(f"unexpected HealthCheckResponse bytes: {response.hex()}")
    return SERVING_STATUSES.get(response[1], str(response[1]))


def read(path):
    if path is None:
        return None
    with open(path, "rb") as file:
        return file.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True, help="host:port")
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
        check = channel.unary_unary("/grpc.health.v1.Health/Check")  # no (de)serializers: raw bytes
        try:
            response = check(b"", timeout=arguments.timeout)
            result = {"ok": True, "status": serving_status(response)}
        except grpc.RpcError as error:
            result = {"ok": False, "code": error.code().name, "details": error.details()}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
