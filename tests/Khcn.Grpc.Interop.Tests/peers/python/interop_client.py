#!/usr/bin/python3
"""gRPC interop client on the grpc Python package (C-core), used to check a
TestService server written by someone else.

Message classes are built at run time from a FileDescriptorSet (protoc
--descriptor_set_out --include_imports), because no Python code generator
matching the installed protobuf runtime is available.

Usage:
  interop_client.py --address 127.0.0.1:5000 --descriptor-set test.pb --case large_unary
  interop_client.py --address ... --descriptor-set ... --case all

Prints one JSON object: {"grpc_version": ..., "results": [{"case", "passed", "detail"}]}
and exits 0 when every case passed, 1 otherwise, 2 on a usage/environment error.
"""
import argparse
import json
import queue
import sys
import traceback

try:
    import grpc
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
except ImportError as missing:  # pragma: no cover - reported to the test as an install hint
    print(json.dumps({"error": f"{missing}. Install Debian packages: apt-get install -y python3-grpcio python3-protobuf"}))
    sys.exit(2)

SERVICE = "grpc.testing.TestService"
ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_INITIAL_VALUE = "test_initial_metadata_value"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"
ECHO_TRAILING_VALUE = b"\xab\xab\xab"
RPC_TIMEOUT_SECONDS = 60
# grpc Python hides the received messages' compressed flag. The server_compressed
# cases tag their calls with this header so that a test host that can see the
# wire (ours does) checks the flags of exactly these calls.
CALL_ID_KEY = "x-khcn-interop-call-id"


class CaseFailure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CaseFailure(message)


def expect_status(error, code, message=None):
    expect(isinstance(error, grpc.RpcError), f"expected an RpcError, got {error!r}")
    expect(error.code() == code, f"expected status {code.name}, got {error.code().name}: {error.details()!r}")
    if message is not None:
        expect(error.details() == message, f"expected status message {message!r}, got {error.details()!r}")


class Messages:
    """Message classes of grpc.testing, built from a descriptor set."""

    def __init__(self, descriptor_set_path):
        with open(descriptor_set_path, "rb") as f:
            file_set = descriptor_pb2.FileDescriptorSet.FromString(f.read())
        pool = descriptor_pool.DescriptorPool()
        for file_proto in file_set.file:
            pool.Add(file_proto)
        # GetMessageClass appeared in protobuf 4.22; Debian 12 ships 4.21.
        get_class = getattr(message_factory, "GetMessageClass", None) or message_factory.MessageFactory(pool).GetPrototype

        def cls(name):
            return get_class(pool.FindMessageTypeByName(f"grpc.testing.{name}"))

        self.Empty = cls("Empty")
        self.BoolValue = cls("BoolValue")
        self.Payload = cls("Payload")
        self.EchoStatus = cls("EchoStatus")
        self.SimpleRequest = cls("SimpleRequest")
        self.SimpleResponse = cls("SimpleResponse")
        self.StreamingInputCallRequest = cls("StreamingInputCallRequest")
        self.StreamingInputCallResponse = cls("StreamingInputCallResponse")
        self.ResponseParameters = cls("ResponseParameters")
        self.StreamingOutputCallRequest = cls("StreamingOutputCallRequest")
        self.StreamingOutputCallResponse = cls("StreamingOutputCallResponse")


class TestServiceStub:
    def __init__(self, channel, m, service=SERVICE):
        def method(name):
            return f"/{service}/{name}"

        self.EmptyCall = channel.unary_unary(method("EmptyCall"), m.Empty.SerializeToString, m.Empty.FromString)
        self.UnaryCall = channel.unary_unary(method("UnaryCall"), m.SimpleRequest.SerializeToString, m.SimpleResponse.FromString)
        self.StreamingOutputCall = channel.unary_stream(
            method("StreamingOutputCall"), m.StreamingOutputCallRequest.SerializeToString, m.StreamingOutputCallResponse.FromString)
        self.StreamingInputCall = channel.stream_unary(
            method("StreamingInputCall"), m.StreamingInputCallRequest.SerializeToString, m.StreamingInputCallResponse.FromString)
        self.FullDuplexCall = channel.stream_stream(
            method("FullDuplexCall"), m.StreamingOutputCallRequest.SerializeToString, m.StreamingOutputCallResponse.FromString)
        self.UnimplementedCall = channel.unary_unary(method("UnimplementedCall"), m.Empty.SerializeToString, m.Empty.FromString)


class RequestQueue:
    """Request iterator the test feeds one message at a time (ping-pong)."""
    _CLOSE = object()

    def __init__(self):
        self._queue = queue.Queue()

    def send(self, message):
        self._queue.put(message)

    def half_close(self):
        self._queue.put(self._CLOSE)

    def __iter__(self):
        return self

    def __next__(self):
        item = self._queue.get()
        if item is self._CLOSE:
            raise StopIteration
        return item


class Cases:
    def __init__(self, stub, unimplemented_stub, m):
        self.stub = stub
        self.unimplemented_stub = unimplemented_stub
        self.m = m

    # --- helpers -------------------------------------------------------
    def payload(self, size):
        return self.m.Payload(body=b"\0" * size)

    def large_request(self, **fields):
        return self.m.SimpleRequest(response_size=314159, payload=self.payload(271828), **fields)

    def expect_large_response(self, response):
        expect(len(response.payload.body) == 314159, f"response body is {len(response.payload.body)} bytes, expected 314159")
        expect(response.payload.body == b"\0" * 314159, "response body is not all zeros")

    def streaming_request(self, sizes, payload_size=0, compressed=None):
        request = self.m.StreamingOutputCallRequest()
        for index, size in enumerate(sizes):
            parameters = request.response_parameters.add(size=size)
            if compressed is not None:
                parameters.compressed.value = compressed[index]
        if payload_size:
            request.payload.CopyFrom(self.payload(payload_size))
        return request

    # --- cases ---------------------------------------------------------
    def empty_unary(self):
        response = self.stub.EmptyCall(self.m.Empty(), timeout=RPC_TIMEOUT_SECONDS)
        expect(response is not None and response.ByteSize() == 0, "EmptyCall returned a non-empty message")

    def large_unary(self):
        self.expect_large_response(self.stub.UnaryCall(self.large_request(), timeout=RPC_TIMEOUT_SECONDS))

    def client_streaming(self):
        sizes = [27182, 8, 1828, 45904]
        requests = [self.m.StreamingInputCallRequest(payload=self.payload(s)) for s in sizes]
        response = self.stub.StreamingInputCall(iter(requests), timeout=RPC_TIMEOUT_SECONDS)
        expect(response.aggregated_payload_size == 74922, f"aggregated_payload_size {response.aggregated_payload_size}, expected 74922")

    def server_streaming(self):
        sizes = [31415, 9, 2653, 58979]
        responses = list(self.stub.StreamingOutputCall(self.streaming_request(sizes), timeout=RPC_TIMEOUT_SECONDS))
        received = [len(r.payload.body) for r in responses]
        expect(received == sizes, f"response sizes {received}, expected {sizes}")

    def ping_pong(self):
        request_sizes = [27182, 8, 1828, 45904]
        response_sizes = [31415, 9, 2653, 58979]
        requests = RequestQueue()
        responses = self.stub.FullDuplexCall(requests, timeout=RPC_TIMEOUT_SECONDS)
        for request_size, response_size in zip(request_sizes, response_sizes):
            requests.send(self.streaming_request([response_size], payload_size=request_size))
            response = next(responses)
            expect(len(response.payload.body) == response_size,
                   f"response body {len(response.payload.body)} bytes, expected {response_size}")
        requests.half_close()
        leftover = list(responses)
        expect(not leftover, f"{len(leftover)} unexpected extra responses")
        expect(responses.code() == grpc.StatusCode.OK, f"call ended with {responses.code()}")

    def empty_stream(self):
        responses = list(self.stub.FullDuplexCall(iter([]), timeout=RPC_TIMEOUT_SECONDS))
        expect(not responses, f"expected no responses, got {len(responses)}")

    def cancel_after_begin(self):
        requests = RequestQueue()  # never yields: the call is cancelled before any message
        future = self.stub.StreamingInputCall.future(requests, timeout=RPC_TIMEOUT_SECONDS)
        future.cancel()
        expect(future.cancelled(), "call was not cancelled")
        expect(future.code() == grpc.StatusCode.CANCELLED, f"call ended with {future.code()}, expected CANCELLED")
        requests.half_close()

    def cancel_after_first_response(self):
        requests = RequestQueue()
        responses = self.stub.FullDuplexCall(requests, timeout=RPC_TIMEOUT_SECONDS)
        requests.send(self.streaming_request([31415], payload_size=27182))
        first = next(responses)
        expect(len(first.payload.body) == 31415, f"first response {len(first.payload.body)} bytes, expected 31415")
        responses.cancel()
        try:
            next(responses)
            raise CaseFailure("stream continued after cancellation")
        except grpc.RpcError as error:
            expect_status(error, grpc.StatusCode.CANCELLED)
        finally:
            requests.half_close()

    def timeout_on_sleeping_server(self):
        requests = RequestQueue()
        responses = self.stub.FullDuplexCall(requests, timeout=0.001)
        requests.send(self.streaming_request([], payload_size=27182))
        try:
            list(responses)
            raise CaseFailure("call completed although its deadline had passed")
        except grpc.RpcError as error:
            expect_status(error, grpc.StatusCode.DEADLINE_EXCEEDED)
        finally:
            requests.half_close()

    def custom_metadata(self):
        metadata = ((ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE), (ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE))

        def check(call, what):
            initial = dict(call.initial_metadata())
            trailing = dict(call.trailing_metadata())
            expect(initial.get(ECHO_INITIAL_KEY) == ECHO_INITIAL_VALUE,
                   f"{what}: initial metadata {ECHO_INITIAL_KEY}={initial.get(ECHO_INITIAL_KEY)!r}")
            expect(trailing.get(ECHO_TRAILING_KEY) == ECHO_TRAILING_VALUE,
                   f"{what}: trailing metadata {ECHO_TRAILING_KEY}={trailing.get(ECHO_TRAILING_KEY)!r}")

        response, call = self.stub.UnaryCall.with_call(self.large_request(), metadata=metadata, timeout=RPC_TIMEOUT_SECONDS)
        self.expect_large_response(response)
        check(call, "UnaryCall")

        request = self.streaming_request([314159], payload_size=271828)
        responses = self.stub.FullDuplexCall(iter([request]), metadata=metadata, timeout=RPC_TIMEOUT_SECONDS)
        received = [len(r.payload.body) for r in responses]
        expect(received == [314159], f"FullDuplexCall response sizes {received}")
        check(responses, "FullDuplexCall")

    def _echo_status(self, code, message):
        status = self.m.EchoStatus(code=code, message=message)
        try:
            self.stub.UnaryCall(self.m.SimpleRequest(response_status=status), timeout=RPC_TIMEOUT_SECONDS)
            raise CaseFailure("UnaryCall succeeded although a status was requested")
        except grpc.RpcError as error:
            expect_status(error, grpc.StatusCode.UNKNOWN, message)
        request = self.m.StreamingOutputCallRequest(response_status=status)
        try:
            list(self.stub.FullDuplexCall(iter([request]), timeout=RPC_TIMEOUT_SECONDS))
            raise CaseFailure("FullDuplexCall succeeded although a status was requested")
        except grpc.RpcError as error:
            expect_status(error, grpc.StatusCode.UNKNOWN, message)

    def status_code_and_message(self):
        self._echo_status(2, "test status message")

    def special_status_message(self):
        self._echo_status(2, "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n")
        self._echo_status(2, "Không tìm thấy tỉnh Quảng Trị")

    def unimplemented_method(self):
        try:
            self.stub.UnimplementedCall(self.m.Empty(), timeout=RPC_TIMEOUT_SECONDS)
            raise CaseFailure("UnimplementedCall succeeded")
        except grpc.RpcError as error:
            expect_status(error, grpc.StatusCode.UNIMPLEMENTED)

    def unimplemented_service(self):
        try:
            self.unimplemented_stub.UnimplementedCall(self.m.Empty(), timeout=RPC_TIMEOUT_SECONDS)
            raise CaseFailure("UnimplementedService/UnimplementedCall succeeded")
        except grpc.RpcError as error:
            expect_status(error, grpc.StatusCode.UNIMPLEMENTED)

    def client_compressed_unary(self):
        expect_true = self.m.BoolValue(value=True)
        try:
            self.stub.UnaryCall(self.large_request(expect_compressed=expect_true), timeout=RPC_TIMEOUT_SECONDS)
            raise CaseFailure("server accepted an uncompressed request that expected compression (probe)")
        except grpc.RpcError as error:
            expect_status(error, grpc.StatusCode.INVALID_ARGUMENT)
        self.expect_large_response(self.stub.UnaryCall(
            self.large_request(expect_compressed=expect_true), compression=grpc.Compression.Gzip, timeout=RPC_TIMEOUT_SECONDS))
        self.expect_large_response(self.stub.UnaryCall(
            self.large_request(expect_compressed=self.m.BoolValue(value=False)), compression=grpc.Compression.NoCompression,
            timeout=RPC_TIMEOUT_SECONDS))

    def server_compressed_unary(self):
        for compressed in (True, False):
            call_id = "server_compressed_unary/" + ("compressed" if compressed else "uncompressed")
            response = self.stub.UnaryCall(
                self.large_request(response_compressed=self.m.BoolValue(value=compressed)),
                metadata=((CALL_ID_KEY, call_id),), timeout=RPC_TIMEOUT_SECONDS)
            self.expect_large_response(response)

    def client_compressed_streaming(self):
        expect_true = self.m.BoolValue(value=True)
        probe = self.m.StreamingInputCallRequest(expect_compressed=expect_true, payload=self.payload(27182))
        try:
            self.stub.StreamingInputCall(iter([probe]), timeout=RPC_TIMEOUT_SECONDS)
            raise CaseFailure("server accepted an uncompressed message that expected compression (probe)")
        except grpc.RpcError as error:
            expect_status(error, grpc.StatusCode.INVALID_ARGUMENT)
        # grpc Python compresses per call, not per message, so the compressed and
        # the uncompressed message of the procedure go on two calls.
        compressed = self.m.StreamingInputCallRequest(expect_compressed=expect_true, payload=self.payload(27182))
        response = self.stub.StreamingInputCall(iter([compressed]), compression=grpc.Compression.Gzip, timeout=RPC_TIMEOUT_SECONDS)
        expect(response.aggregated_payload_size == 27182, f"aggregated_payload_size {response.aggregated_payload_size}, expected 27182")
        uncompressed = self.m.StreamingInputCallRequest(expect_compressed=self.m.BoolValue(value=False), payload=self.payload(45904))
        response = self.stub.StreamingInputCall(iter([uncompressed]), timeout=RPC_TIMEOUT_SECONDS)
        expect(response.aggregated_payload_size == 45904, f"aggregated_payload_size {response.aggregated_payload_size}, expected 45904")

    def server_compressed_streaming(self):
        sizes = [31415, 92653]
        request = self.streaming_request(sizes, compressed=[True, False])
        responses = list(self.stub.StreamingOutputCall(
            request, metadata=((CALL_ID_KEY, "server_compressed_streaming"),), timeout=RPC_TIMEOUT_SECONDS))
        received = [len(r.payload.body) for r in responses]
        expect(received == sizes, f"response sizes {received}, expected {sizes}")


CASE_NAMES = [
    "empty_unary", "large_unary", "client_streaming", "server_streaming", "ping_pong", "empty_stream",
    "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server", "custom_metadata",
    "status_code_and_message", "special_status_message", "unimplemented_service", "unimplemented_method",
    "client_compressed_unary", "server_compressed_unary", "client_compressed_streaming", "server_compressed_streaming",
]


def run_case(cases, name):
    try:
        getattr(cases, name)()
        return {"case": name, "passed": True, "detail": ""}
    except CaseFailure as failure:
        return {"case": name, "passed": False, "detail": str(failure)}
    except grpc.RpcError as error:
        return {"case": name, "passed": False, "detail": f"unexpected RPC error {error.code().name}: {error.details()!r}"}
    except Exception:  # noqa: BLE001 - every failure is reported to the test, not raised
        return {"case": name, "passed": False, "detail": traceback.format_exc()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", required=True, help="host:port of a plaintext TestService server")
    parser.add_argument("--descriptor-set", required=True, help="FileDescriptorSet of grpc/testing/test.proto")
    parser.add_argument("--case", default="all", help="test case name, or 'all'")
    args = parser.parse_args()

    names = CASE_NAMES if args.case == "all" else [args.case]
    unknown = [n for n in names if n not in CASE_NAMES]
    if unknown:
        print(json.dumps({"error": f"unknown case {unknown[0]!r}; known: {CASE_NAMES}"}))
        return 2

    messages = Messages(args.descriptor_set)
    with grpc.insecure_channel(args.address) as channel:
        grpc.channel_ready_future(channel).result(timeout=RPC_TIMEOUT_SECONDS)
        cases = Cases(TestServiceStub(channel, messages), TestServiceStub(channel, messages, "grpc.testing.UnimplementedService"), messages)
        results = [run_case(cases, name) for name in names]
    print(json.dumps({"grpc_version": grpc.__version__, "results": results}, ensure_ascii=True))
    return 0 if all(r["passed"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
