#!/usr/bin/python3
"""Makes the calls scripts/grpc-call.py makes for reflection: a duplex call with one request (the request stream then
ends), the first reply read, and the call cancelled (python3-grpcio resets the stream with RST_STREAM CANCEL) without
waiting for the server's status. Prints one line per call: the reply bytes in hex."""

import argparse

import grpc


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--method", required=True)
    parser.add_argument("--request-hex", required=True)
    parser.add_argument("--calls", type=int, default=1)
    parser.add_argument("--ca", help="PEM bundle to trust: the call then goes over TLS")
    args = parser.parse_args()
    request = bytes.fromhex(args.request_hex)

    if args.ca:
        with open(args.ca, "rb") as ca:
            channel = grpc.secure_channel(args.target, grpc.ssl_channel_credentials(root_certificates=ca.read()))
    else:
        channel = grpc.insecure_channel(args.target)
    with channel:
        duplex = channel.stream_stream(args.method)  # no serializers: requests and replies are raw bytes
        for _ in range(args.calls):
            call = duplex(iter([request]), timeout=30)
            reply = next(call)
            call.cancel()
            print(reply.hex(), flush=True)


if __name__ == "__main__":
    main()
