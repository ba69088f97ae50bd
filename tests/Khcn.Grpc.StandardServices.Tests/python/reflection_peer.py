#!/usr/bin/python3
"""A gRPC peer in another language that knows nothing of our API in advance.

It compiles the reflection contract with protoc, asks the server which services it exposes, fetches
the descriptors of one service through reflection, builds message classes from them and calls a unary
method by name. The findings are printed as one JSON object for the xunit test to assert on.
"""
import argparse
import json
import subprocess
import sys
import tempfile

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory


def message_class(pool, full_name):
    descriptor = pool.FindMessageTypeByName(full_name)
    # message_factory.GetMessageClass exists from protobuf 4.22; Debian 12 ships 4.21.
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)


def compile_reflection_contract(protoc, include_dirs, proto_root, proto_file):
    with tempfile.NamedTemporaryFile(suffix=".pb") as output:
        command = [protoc, f"--proto_path={proto_root}"]
        command += [f"--proto_path={d}" for d in include_dirs]
        command += [f"--descriptor_set_out={output.name}", "--include_imports", proto_file]
        subprocess.run(command, check=True)
        descriptor_set = descriptor_pb2.FileDescriptorSet()
        descriptor_set.ParseFromString(output.read())
    pool = descriptor_pool.DescriptorPool()
    for file_proto in descriptor_set.file:
        pool.Add(file_proto)
    return pool


def add_in_dependency_order(pool, file_protos):
    """Adds files so that every file comes after its imports, whatever order the server sent them in."""
    by_name = {f.name: f for f in file_protos}
    added = set()

    def add(name):
        if name in added:
            return
        added.add(name)
        for dependency in by_name[name].dependency:
            add(dependency)
        pool.Add(by_name[name])

    for name in by_name:
        add(name)


def parse_files(response):
    file_protos = []
    for raw in response.file_descriptor_response.file_descriptor_proto:
        file_proto = descriptor_pb2.FileDescriptorProto()
        file_proto.ParseFromString(raw)
        file_protos.append(file_proto)
    return file_protos


def call_by_name(channel, file_protos, service_name, method_name, request_json):
    """Calls a unary method knowing only its name and the descriptors reflection sent."""
    pool = descriptor_pool.DescriptorPool()
    add_in_dependency_order(pool, file_protos)
    method = pool.FindServiceByName(service_name).methods_by_name[method_name]
    input_class = message_class(pool, method.input_type.full_name)
    output_class = message_class(pool, method.output_type.full_name)
    call = channel.unary_unary(
        f"/{service_name}/{method.name}",
        request_serializer=lambda m: m.SerializeToString(),
        response_deserializer=output_class.FromString)
    return call(json_format.Parse(request_json, input_class()), timeout=60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--protoc", required=True)
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("--proto-root", required=True)
    parser.add_argument("--version", default="v1")
    parser.add_argument("--method", required=True, help="Method name to call on the discovered service")
    parser.add_argument("--request-json", required=True)
    args = parser.parse_args()

    package = f"grpc.reflection.{args.version}"
    reflection_pool = compile_reflection_contract(
        args.protoc, args.include, args.proto_root, f"grpc/reflection/{args.version}/reflection.proto")
    request_class = message_class(reflection_pool, f"{package}.ServerReflectionRequest")
    response_class = message_class(reflection_pool, f"{package}.ServerReflectionResponse")

    result = {}
    with grpc.insecure_channel(args.target) as channel:
        grpc.channel_ready_future(channel).result(timeout=60)
        reflect = channel.stream_stream(
            f"/{package}.ServerReflection/ServerReflectionInfo",
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=response_class.FromString)

        def ask(*requests):
            return list(reflect(iter(requests), timeout=60))

        # 1. Which services are there?
        listing = ask(request_class(list_services=""))[0]
        services = [s.name for s in listing.list_services_response.service]
        result["services"] = services
        application_services = [s for s in services if not s.startswith("grpc.")]
        service_name = application_services[0]
        result["discovered_service"] = service_name

        # 2. Its descriptors, with every dependency, plus an unknown symbol, on one stream.
        described, unknown = ask(
            request_class(file_containing_symbol=service_name),
            request_class(file_containing_symbol="no.such.Symbol"))
        file_protos = parse_files(described)
        result["files"] = [f.name for f in file_protos]
        result["unknown_symbol_error_code"] = unknown.error_response.error_code

        # 3. Build the service's messages from what reflection sent and call the method by name.
        reply = call_by_name(channel, file_protos, service_name, args.method, args.request_json)
        result["response"] = json_format.MessageToDict(reply, preserving_proto_field_name=True)

        # 4. The standard health service, discovered and called the same way.
        health_files = parse_files(ask(request_class(file_containing_symbol="grpc.health.v1.Health"))[0])
        health = call_by_name(channel, health_files, "grpc.health.v1.Health", "Check", '{"service": ""}')
        result["health"] = json_format.MessageToDict(health, preserving_proto_field_name=True)

    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
