#!/usr/bin/python3
"""A grpcurl-style caller for the Khcn services, on Debian's python3-grpcio and python3-protobuf alone.

    grpc-call.py HOST:PORT                               list the services
    grpc-call.py HOST:PORT SERVICE                       describe a service's methods
    grpc-call.py HOST:PORT SERVICE/METHOD ['JSON']       call a unary method, print the JSON response

Over TLS (the AppHost's --secure mode): --cacert ca.crt trusts that authority for the server's certificate, and
--token-file FILE (or --token JWT, visible in a process listing) sends "authorization: Bearer <token>" on the call.
Reflection is open on the services, so listing and describing need no token.

Everything it knows about the server comes from server reflection (grpc.reflection.v1, or v1alpha on older
servers): no generated code, and no grpcio-reflection package (Debian does not ship it). The reflection messages
are tiny, so they are encoded by hand and read with a small wire-format reader; the service's own
FileDescriptorProtos are loaded into a descriptor pool and turned into message classes.

Exit codes: 0 on OK, 1 on an RPC error (printed as "ERROR: <CODE>: <message>" plus the google.rpc.Status
details), 2 on a usage error (bad arguments, unknown service or method, malformed JSON).
"""

import argparse
import os
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

# The well-known types register themselves in the default pool: the fallback for files a server does not serve.
from google.protobuf import (any_pb2, duration_pb2, empty_pb2, field_mask_pb2, struct_pb2,  # noqa: F401
                             timestamp_pb2, wrappers_pb2)

REFLECTION_SERVICES = ("grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection")
STATUS_DETAILS_KEY = "grpc-status-details-bin"


class UsageError(Exception):
    pass


class SchemaError(Exception):
    """The server's descriptors are incomplete: a file imports one the server does not serve."""


# --- protobuf wire format, just what the reflection and google.rpc.Status messages need -------------------------

def _varint(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def wire_fields(data):
    """Yields (field number, value) of a serialized message: ints for varints, bytes for length-delimited fields."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, pos = _varint(data, pos)
        elif wire_type == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
        elif wire_type in (1, 5):  # fixed64 / fixed32: skipped, none of the messages read here has them
            size = 8 if wire_type == 1 else 4
            value, pos = data[pos:pos + size], pos + size
        else:
            raise ValueError(f"unsupported wire type {wire_type}")
        yield number, value


def string_field(number, text):
    payload = text.encode("utf-8")
    length, prefix = len(payload), bytearray([number << 3 | 2])
    while length >= 0x80:
        prefix.append(length & 0x7F | 0x80)
        length >>= 7
    prefix.append(length)
    return bytes(prefix) + payload


# --- server reflection ---------------------------------------------------------------------------------------------

class Reflection:
    """One reflection request per stream: the handful a call needs does not justify keeping a stream open."""

    # ServerReflectionRequest fields (the same numbers in v1 and v1alpha).
    FILE_BY_FILENAME, FILE_CONTAINING_SYMBOL, LIST_SERVICES = 3, 4, 7
    # ServerReflectionResponse fields.
    FILE_DESCRIPTOR_RESPONSE, LIST_SERVICES_RESPONSE, ERROR_RESPONSE = 4, 6, 7

    def __init__(self, channel, timeout):
        self._channel = channel
        self._timeout = timeout
        self._service = None

    def list_services(self):
        response = self._ask(self.LIST_SERVICES, "")
        return sorted(self._service_names(response[self.LIST_SERVICES_RESPONSE]))

    def file_containing_symbol(self, symbol):
        return self._files(self._ask(self.FILE_CONTAINING_SYMBOL, symbol))

    def file_by_filename(self, name):
        return self._files(self._ask(self.FILE_BY_FILENAME, name))

    def _ask(self, field, value):
        request = string_field(field, value)
        for service in (self._service,) if self._service else REFLECTION_SERVICES:
            method = self._channel.stream_stream(f"/{service}/ServerReflectionInfo")
            try:
                raw = next(iter(method(iter([request]), timeout=self._timeout)))
            except grpc.RpcError as error:
                if error.code() == grpc.StatusCode.UNIMPLEMENTED and service != REFLECTION_SERVICES[-1]:
                    continue
                raise
            self._service = service
            response = {}
            for number, content in wire_fields(raw):
                response.setdefault(number, content)
            if self.ERROR_RESPONSE in response:
                error = dict(wire_fields(response[self.ERROR_RESPONSE]))
                raise LookupError(error.get(2, b"").decode("utf-8") or f"reflection error {error.get(1)}")
            return response
        raise AssertionError("unreachable")

    @staticmethod
    def _service_names(list_response):
        for number, service in wire_fields(list_response):
            if number == 1:
                yield dict(wire_fields(service))[1].decode("utf-8")

    def _files(self, response):
        files = []
        for number, serialized in wire_fields(response[self.FILE_DESCRIPTOR_RESPONSE]):
            if number == 1:
                files.append(descriptor_pb2.FileDescriptorProto.FromString(serialized))
        return files


class Schema:
    """The server's descriptors, loaded on demand into a pool of their own (dependencies first)."""

    def __init__(self, reflection):
        self._reflection = reflection
        self.pool = descriptor_pool.DescriptorPool()
        self._loaded = set()

    def load_symbol(self, symbol):
        """Loads the file defining symbol; False when the server does not know it."""
        try:
            self._add_all(self._reflection.file_containing_symbol(symbol))
        except LookupError:
            return False
        return True

    def has_service(self, name):
        """SERVICE names a service; SERVICE.METHOD (grpcurl's other spelling of SERVICE/METHOD) does not."""
        try:
            self.find_service(name)
            return True
        except UsageError:
            return False

    def find_service(self, name):
        if not self.load_symbol(name):
            raise UsageError(f"service {name} not found on the server (list them with no SERVICE argument)")
        try:
            return self.pool.FindServiceByName(name)
        except KeyError:
            raise UsageError(f"{name} is not a service") from None

    def find_message(self, name, fallback):
        """The message type name, from the server or else from the file fallback() builds; None if neither has it."""
        try:
            served = self.load_symbol(name)
        except grpc.RpcError:  # the server went away after the call failed: the details are still worth reading
            served = False
        if not served:
            file = fallback()
            if file.name not in self._loaded:
                self._add_all([file])
        try:
            return self.pool.FindMessageTypeByName(name)
        except KeyError:
            return None

    @staticmethod
    def message_class(descriptor):
        if hasattr(message_factory, "GetMessageClass"):  # protobuf 4.22 and later
            return message_factory.GetMessageClass(descriptor)
        return message_factory.MessageFactory(descriptor.file.pool).GetPrototype(descriptor)  # Debian's 4.21

    def _add_all(self, files):
        known = {f.name: f for f in files}
        for file in files:
            self._add(file, known)

    def _add(self, file, known):
        if file.name in self._loaded:
            return
        for dependency in file.dependency:
            if dependency not in self._loaded:
                self._add(known.get(dependency) or self._fetch(dependency), known)
        self.pool.Add(file)
        self._loaded.add(file.name)

    def _fetch(self, name):
        try:
            for file in self._reflection.file_by_filename(name):
                if file.name == name:
                    return file
        except LookupError:
            pass
        # Servers often leave out the well-known types; the copy compiled into protobuf is the same file.
        try:
            compiled = descriptor_pool.Default().FindFileByName(name)
        except KeyError:
            raise SchemaError(f"the server's reflection does not serve {name}, which its files import") from None
        file = descriptor_pb2.FileDescriptorProto()
        compiled.CopyToProto(file)
        return file


# --- google.rpc.Status details ----------------------------------------------------------------------------------

# google/rpc/error_details.proto, for servers whose reflection does not serve it (ours do not: no service method
# mentions it). Field numbers as published; "map" is map<string, string>.
ERROR_DETAILS = [
    ("ErrorInfo", [("reason", 1, "string"), ("domain", 2, "string"), ("metadata", 3, "map")]),
    ("RetryInfo", [("retry_delay", 1, ".google.protobuf.Duration")]),
    ("DebugInfo", [("stack_entries", 1, "repeated string"), ("detail", 2, "string")]),
    ("QuotaFailure", [("violations", 1, "repeated QuotaFailure.Violation")]),
    ("QuotaFailure.Violation", [("subject", 1, "string"), ("description", 2, "string")]),
    ("PreconditionFailure", [("violations", 1, "repeated PreconditionFailure.Violation")]),
    ("PreconditionFailure.Violation", [("type", 1, "string"), ("subject", 2, "string"), ("description", 3, "string")]),
    ("BadRequest", [("field_violations", 1, "repeated BadRequest.FieldViolation")]),
    ("BadRequest.FieldViolation", [("field", 1, "string"), ("description", 2, "string"), ("reason", 3, "string"),
                                   ("localized_message", 4, "LocalizedMessage")]),
    ("RequestInfo", [("request_id", 1, "string"), ("serving_data", 2, "string")]),
    ("ResourceInfo", [("resource_type", 1, "string"), ("resource_name", 2, "string"), ("owner", 3, "string"),
                      ("description", 4, "string")]),
    ("Help", [("links", 1, "repeated Help.Link")]),
    ("Help.Link", [("description", 1, "string"), ("url", 2, "string")]),
    ("LocalizedMessage", [("locale", 1, "string"), ("message", 2, "string")]),
]


def error_details_file():
    """ERROR_DETAILS as the FileDescriptorProto protoc would produce."""
    fdp = descriptor_pb2.FieldDescriptorProto
    file = descriptor_pb2.FileDescriptorProto(name="google/rpc/error_details.proto", package="google.rpc",
                                              syntax="proto3", dependency=["google/protobuf/duration.proto"])
    messages = {}
    for path, fields in ERROR_DETAILS:
        parent, _, name = path.rpartition(".")
        message = messages[path] = (messages[parent].nested_type if parent else file.message_type).add(name=name)
        for field_name, number, kind in fields:
            repeated = kind.startswith("repeated ")
            kind = kind.removeprefix("repeated ")
            field = message.field.add(name=field_name, number=number,
                                      label=fdp.LABEL_REPEATED if repeated else fdp.LABEL_OPTIONAL)
            if kind == "string":
                field.type = fdp.TYPE_STRING
                continue
            if kind == "map":
                entry = message.nested_type.add(name=field_name.title().replace("_", "") + "Entry")
                entry.options.map_entry = True
                entry.field.add(name="key", number=1, label=fdp.LABEL_OPTIONAL, type=fdp.TYPE_STRING)
                entry.field.add(name="value", number=2, label=fdp.LABEL_OPTIONAL, type=fdp.TYPE_STRING)
                field.label, kind = fdp.LABEL_REPEATED, f"{path}.{entry.name}"
            field.type = fdp.TYPE_MESSAGE
            field.type_name = kind if kind.startswith(".") else f".google.rpc.{kind}"
    return file


def describe_details(status_bytes, schema):
    """One line per google.rpc.Status detail: its JSON, or its type URL when neither the server nor
    ERROR_DETAILS knows the type."""
    lines = []
    for number, detail in wire_fields(status_bytes):
        if number != 3:  # Status.details (repeated google.protobuf.Any)
            continue
        any_fields = dict(wire_fields(detail))
        type_url = any_fields.get(1, b"").decode("utf-8")
        type_name = type_url.rsplit("/", 1)[-1]
        descriptor = schema.find_message(type_name, fallback=error_details_file)
        if descriptor is None:
            lines.append(f"{type_url} ({len(any_fields.get(2, b''))} bytes, a type unknown to the server)")
            continue
        message = schema.message_class(descriptor).FromString(any_fields.get(2, b""))
        lines.append(f"{type_name}: {to_json(message, schema, indent=None)}")
    return lines


# --- commands ---------------------------------------------------------------------------------------------------

def to_json(message, schema, indent=2):
    return json_format.MessageToJson(message, preserving_proto_field_name=True, indent=indent,
                                     ensure_ascii=False, descriptor_pool=schema.pool)


def list_services(reflection):
    for name in reflection.list_services():
        print(name)


def describe_service(schema, name):
    service = schema.find_service(name)
    print(f"{service.full_name} is a service:")
    for method in service.methods:
        request = ("stream " if method.client_streaming else "") + "." + method.input_type.full_name
        response = ("stream " if method.server_streaming else "") + "." + method.output_type.full_name
        print(f"  rpc {method.name} ( {request} ) returns ( {response} );")


def call_method(channel, schema, target, request_json, args):
    service_name, separator, method_name = target.rpartition("/")
    if not separator:
        service_name, _, method_name = target.rpartition(".")
        if not schema.has_service(service_name):
            raise UsageError(f"{target} is neither a service nor a method on the server (list the services with no "
                             "SERVICE argument)")
    method = schema.find_service(service_name).methods_by_name.get(method_name)
    if method is None:
        raise UsageError(f"{service_name} has no method {method_name}")
    if method.client_streaming or method.server_streaming:
        raise UsageError(f"{method.full_name} is a streaming method; only unary calls are supported")

    request_class = schema.message_class(method.input_type)
    response_class = schema.message_class(method.output_type)
    try:
        request = json_format.Parse(request_json, request_class(), descriptor_pool=schema.pool)
    except json_format.ParseError as error:
        raise UsageError(f"request is not a valid {method.input_type.full_name}: {error}") from None

    call = channel.unary_unary(f"/{service_name}/{method_name}",
                               request_serializer=request_class.SerializeToString,
                               response_deserializer=response_class.FromString)
    try:
        response = call(request, timeout=args.timeout, metadata=args.header)
    except grpc.RpcError as error:
        print_rpc_error(error, schema)
        return 1
    print(to_json(response, schema))
    return 0


def print_rpc_error(error, schema):
    print(f"ERROR: {error.code().name}: {error.details()}")
    trailers = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None
    for key, value in trailers or ():
        if key == STATUS_DETAILS_KEY:
            for line in describe_details(value, schema):
                print(f"  {line}")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("address", metavar="HOST:PORT")
    parser.add_argument("target", metavar="SERVICE[/METHOD]", nargs="?")
    parser.add_argument("request", metavar="JSON", nargs="?", default="{}")
    parser.add_argument("--plaintext", action="store_true", default=True,
                        help="no TLS (the default unless --cacert or an https:// address is given)")
    parser.add_argument("--cacert", metavar="FILE", help="PEM bundle of the authorities to trust: connect over TLS")
    parser.add_argument("--token-file", metavar="FILE", help="a file holding a bearer token (JWT) to send")
    parser.add_argument("--token", metavar="JWT", help="a bearer token to send (prefer --token-file: ps shows this)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help="deadline of every call")
    parser.add_argument("-H", "--header", action="append", default=[], metavar="'NAME: VALUE'",
                        type=_header, help="request metadata (repeatable)")
    args = parser.parse_args(argv)  # exits 2 on a usage error
    if args.token and args.token_file:
        parser.error("--token and --token-file exclude each other")
    token = args.token
    if args.token_file:
        try:
            with open(args.token_file, encoding="ascii") as file:
                token = file.read().strip()
        except OSError as error:
            parser.error(f"cannot read --token-file: {error}")
    if token:
        args.header.append(("authorization", "Bearer " + token))
    return args


def _header(text):
    name, separator, value = text.partition(":")
    if not separator:
        raise argparse.ArgumentTypeError(f"expected 'NAME: VALUE', got {text!r}")
    return name.strip().lower(), value.strip()


def open_channel(address, secure, cacert):
    if not secure:
        return grpc.insecure_channel(address)
    roots = None
    if cacert is not None:
        with open(cacert, "rb") as file:
            roots = file.read()
    return grpc.secure_channel(address, grpc.ssl_channel_credentials(root_certificates=roots))


def main(argv):
    # Vietnamese prints as Vietnamese even under a C locale or into a pipe.
    sys.stdout.reconfigure(encoding="utf-8")
    args = parse_arguments(argv)
    # The AppHost's summary prints endpoints as URLs; grpc wants host:port.
    secure = args.cacert is not None or args.address.startswith("https://")
    address = args.address.removeprefix("http://").removeprefix("https://").rstrip("/")
    with open_channel(address, secure, args.cacert) as channel:
        reflection = Reflection(channel, args.timeout)
        schema = Schema(reflection)
        try:
            if args.target is None:
                list_services(reflection)
            elif "/" not in args.target and schema.has_service(args.target):
                describe_service(schema, args.target)
            else:
                return call_method(channel, schema, args.target, args.request, args)
        except UsageError as error:
            print(f"grpc-call: {error}", file=sys.stderr)
            return 2
        except grpc.RpcError as error:  # reflection itself failed: server down, no reflection service, deadline
            print(f"ERROR: {error.code().name}: {error.details()}")
            return 1
        except SchemaError as error:
            print(f"grpc-call: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # piped into head and the like, which stopped reading: not a failed call
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
