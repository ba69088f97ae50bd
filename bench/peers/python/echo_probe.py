"""Correctness gate before load: h2load only sees HTTP status 200, not grpc-status or the body.

Usage: /usr/bin/python3 echo_probe.py DESCRIPTOR_SET HOST:PORT PAYLOAD_SIZE
Makes a few real gRPC Echo calls with grpcio and fails unless each returns the payload it sent
(the same pattern as Khcn.Bench's BenchPayload.Create).
"""
import sys

import grpc

from echo_messages import ECHO_METHOD, ECHO_SERVICE, load_messages


def bench_payload(size):
    return bytes(ord("a") + (i % 26) for i in range(size))


def main(descriptor_set_path, target, payload_size):
    echo_request, echo_response = load_messages(descriptor_set_path)
    payload = bench_payload(payload_size)
    with grpc.insecure_channel(target) as channel:
        echo = channel.unary_unary(
            f"/{ECHO_SERVICE}/{ECHO_METHOD}",
            request_serializer=echo_request.SerializeToString,
            response_deserializer=echo_response.FromString,
        )
        for _ in range(3):
            response = echo(echo_request(payload=payload), timeout=10)
            if response.payload != payload:
                print(f"probe: {target} echoed {len(response.payload)} bytes, expected {payload_size}", file=sys.stderr)
                return 1
    print(f"probe: {target} OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
