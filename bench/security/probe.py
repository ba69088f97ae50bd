"""Correctness gate before load: a few real gRPC Echo calls, over TLS and with a bearer token when given.

Usage: /usr/bin/python3 probe.py DESCRIPTOR_SET HOST:PORT PAYLOAD_SIZE [--ca CA_PEM] [--token TOKEN_FILE]
h2load counts HTTP 200, and a refused gRPC call is HTTP 200 too (grpc-status is in the trailers): without this
probe a mode whose token is refused would look like the fastest server of the run.
"""
import argparse
import os
import sys

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peers", "python"))
from echo_messages import ECHO_METHOD, ECHO_SERVICE, load_messages  # noqa: E402


def bench_payload(size):
    return bytes(ord("a") + (i % 26) for i in range(size))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("descriptor_set")
    parser.add_argument("target")
    parser.add_argument("payload_size", type=int)
    parser.add_argument("--ca")
    parser.add_argument("--token")
    args = parser.parse_args()

    echo_request, echo_response = load_messages(args.descriptor_set)
    payload = bench_payload(args.payload_size)
    metadata = []
    if args.token:
        with open(args.token) as token_file:
            metadata.append(("authorization", "Bearer " + token_file.read().strip()))
    if args.ca:
        with open(args.ca, "rb") as ca_file:
            channel = grpc.secure_channel(args.target, grpc.ssl_channel_credentials(root_certificates=ca_file.read()))
    else:
        channel = grpc.insecure_channel(args.target)
    with channel:
        echo = channel.unary_unary(
            f"/{ECHO_SERVICE}/{ECHO_METHOD}",
            request_serializer=echo_request.SerializeToString,
            response_deserializer=echo_response.FromString,
        )
        for _ in range(3):
            response = echo(echo_request(payload=payload), metadata=metadata, timeout=10)
            if response.payload != payload:
                print(f"probe: {args.target} echoed {len(response.payload)} bytes, expected {args.payload_size}", file=sys.stderr)
                return 1
        if args.token:
            # The server must be enforcing authentication, or the mode measures nothing.
            try:
                echo(echo_request(payload=payload), timeout=10)
            except grpc.RpcError as error:
                if error.code() != grpc.StatusCode.UNAUTHENTICATED:
                    raise
            else:
                print(f"probe: {args.target} answered a call without a token", file=sys.stderr)
                return 1
    print(f"probe: {args.target} OK ({'TLS' if args.ca else 'h2c'}{', token' if args.token else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
