"""EchoRequest/EchoResponse classes built at runtime from a descriptor set.

bench/run.sh makes the set with Grpc.Tools' protoc (--descriptor_set_out), so the Python
peer parses and serializes with the real protobuf runtime (the same work as every other
server) without generated code that could mismatch Debian's python3-protobuf version.
"""
from google.protobuf import descriptor_pb2, message_factory

ECHO_SERVICE = "khcn.bench.v1.EchoService"
ECHO_METHOD = "Echo"


def load_messages(descriptor_set_path):
    with open(descriptor_set_path, "rb") as descriptor_file:
        descriptor_set = descriptor_pb2.FileDescriptorSet.FromString(descriptor_file.read())
    classes = message_factory.GetMessages(descriptor_set.file)
    return classes["khcn.bench.v1.EchoRequest"], classes["khcn.bench.v1.EchoResponse"]
