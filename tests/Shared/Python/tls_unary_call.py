#!/usr/bin/python3
"""A foreign gRPC peer (Debian's python3-grpcio) that makes one call over TLS, optionally with a client certificate
and a bearer token.

Usage: tls_unary_call.py --target HOST:PORT --method /package.Service/Method [--ca ca.crt] [--cert c.crt --key c.key]
                         [--token-file token.jwt] [--request-hex HEX] [--server-streaming]
The request is raw bytes (empty by default: every field at its default) and responses are not decoded, so no
generated code is needed. With --server-streaming the method is called as a server stream and every message is kept.
Prints one JSON object: {"ok": true, "responses_hex": ["..."]} or
{"ok": false, "code": "UNAUTHENTICATED", "details": "...", "status_details_hex": "...", "responses_hex": [...]}
(status_details_hex: the grpc-status-details-bin trailer, a serialized google.rpc.Status, empty when absent);
the exit code is 0 whenever the call was attempted.
"""
import argparse
import json
import sys

import grpc

STATUS_DETAILS_KEY = "grpc-status-details-bin"


def read(path):
    if path is None:
        return None
    with open(path, "rb") as file:
        return file.read()


def call_metadata(token_file):
    if token_file is None:
        return None
    # The token is read from a file, not taken from the command line, so it never shows in a process listing.
    token = read(token_file).decode("ascii").strip()
    return (("authorization", "Bearer " + token),)


def status_details(error):
    for key, value in error.trailing_metadata() or ():
        if key == STATUS_DETAILS_KEY:
            return value.hex()
    return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True, help="host:port")
    parser.add_argument("--method", required=True, help="/package.Service/Method")
    parser.add_argument("--ca", help="PEM bundle of trusted authorities")
    parser.add_argument("--cert", help="PEM client certificate, for mutual TLS")
    parser.add_argument("--key", help="PEM private key of --cert")
    parser.add_argument("--token-file", help="a file holding a bearer token (JWT), sent as 'authorization: Bearer ...'")
    parser.add_argument("--request-hex", default="", help="the serialized request message, hex")
    parser.add_argument("--server-streaming", action="store_true", help="call the method as a server stream")
    parser.add_argument("--timeout", type=float, default=60.0)
    arguments = parser.parse_args()

    credentials = grpc.ssl_channel_credentials(
        root_certificates=read(arguments.ca),
        private_key=read(arguments.key),
        certificate_chain=read(arguments.cert))
    metadata = call_metadata(arguments.token_file)
    request = bytes.fromhex(arguments.request_hex)
    responses = []
    with grpc.secure_channel(arguments.target, credentials) as channel:
        try:
            if arguments.server_streaming:
                call = channel.unary_stream(arguments.method)  # no (de)serializers: raw bytes
                for response in call(request, timeout=arguments.timeout, metadata=metadata):
                    responses.append(response.hex())
            else:
                call = channel.unary_unary(arguments.method)
                responses.append(call(request, timeout=arguments.timeout, metadata=metadata).hex())
            result = {"ok": True, "responses_hex": responses}
        except grpc.RpcError as error:
            result = {"ok": False, "code": error.code().name, "details": error.details(),
                      "status_details_hex": status_details(error), "responses_hex": responses}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
