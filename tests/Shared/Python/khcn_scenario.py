"""What the Python scenarios of the service tests share (tests/Khcn.*.Tests/Python/*_scenario.py).

The scenarios drive a service from a client nobody here wrote: grpc Python (C-core, Debian's python3-grpcio) with
message classes built at run time from a FileDescriptorSet (protoc --descriptor_set_out --include_imports), since no
Python code generator matches Debian's protobuf. A scenario prints one JSON object per step, {"step", "passed",
"detail"}, and exits 0 when every step passed, 1 otherwise, 2 on a usage/environment error. A step whose
prerequisite failed is reported as failed, not skipped.

A scenario script puts this folder on sys.path, subclasses Scenario with its steps in run(), and calls
main(SERVICE, TheScenario).
"""
import argparse
import json
import sys
import traceback

try:
    import grpc
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
except ImportError as missing:  # pragma: no cover - reported to the test as an install hint
    print(json.dumps({"error": f"{missing}. Install Debian packages: apt-get install -y python3-grpcio python3-protobuf"}))
    sys.exit(2)

STATUS_DETAILS_KEY = "grpc-status-details-bin"
RPC_TIMEOUT_SECONDS = 30


class StepFailure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise StepFailure(message)


def error_info_reason(info):
    """ErrorInfo.reason, read by field number: the descriptors of Google.Api.CommonProtos 2.0.0 (which the test
    supplies, as our server encodes with them) still call field 1 by its pre-2020 name, "type"."""
    return getattr(info, info.DESCRIPTOR.fields_by_number[1].name)


class Messages:
    """Message classes of the service's package and google.rpc, built from a descriptor set."""

    def __init__(self, descriptor_set_path):
        with open(descriptor_set_path, "rb") as f:
            file_set = descriptor_pb2.FileDescriptorSet.FromString(f.read())
        self.pool = descriptor_pool.DescriptorPool()
        for file_proto in file_set.file:
            self.pool.Add(file_proto)
        # GetMessageClass appeared in protobuf 4.22; Debian 12 ships 4.21.
        self._get_class = getattr(message_factory, "GetMessageClass", None) or message_factory.MessageFactory(self.pool).GetPrototype

    def __call__(self, full_name):
        return self._get_class(self.pool.FindMessageTypeByName(full_name))

    def enum_value(self, enum_full_name, value_name):
        return self.pool.FindEnumTypeByName(enum_full_name).values_by_name[value_name].number

    def enum_name(self, enum_full_name, number):
        return self.pool.FindEnumTypeByName(enum_full_name).values_by_number[number].name


class ServiceStub:
    """Every method of a service, looked up in the descriptor pool by name. Unary calls get a deadline; streaming
    calls are returned as grpc made them (iterate a server stream, cancel() it when done)."""

    def __init__(self, channel, messages, service_full_name):
        service = messages.pool.FindServiceByName(service_full_name)
        self._methods = {}
        for method in service.methods:
            request = messages(method.input_type.full_name)
            response = messages(method.output_type.full_name)
            if method.client_streaming:
                factory = channel.stream_stream if method.server_streaming else channel.stream_unary
            else:
                factory = channel.unary_stream if method.server_streaming else channel.unary_unary
            call = factory(f"/{service_full_name}/{method.name}", request.SerializeToString, response.FromString)
            self._methods[method.name] = (call, method.client_streaming or method.server_streaming)

    def __getattr__(self, name):
        call, streaming = self._methods[name]
        if streaming:
            return lambda request, timeout=None: call(request, timeout=timeout)
        return lambda request: call(request, timeout=RPC_TIMEOUT_SECONDS)


class Scenario:
    """Steps and the helpers they use; a subclass implements run() and returns whether every step passed."""

    def __init__(self, stub, m):
        self.stub = stub
        self.m = m
        self.results = []
        self.state = {}

    def run(self):
        raise NotImplementedError

    def step(self, name, needs=()):
        def run(body):
            missing = [n for n in needs if n not in self.state]
            if missing:
                self.report(name, False, {"error": f"prerequisite failed: {', '.join(missing)}"})
                return body
            try:
                detail = body() or {}
                self.report(name, True, detail)
            except StepFailure as failure:
                self.report(name, False, {"error": str(failure)})
            except grpc.RpcError as error:
                self.report(name, False, {"error": f"{error.code().name}: {error.details()}"})
            except Exception:  # noqa: BLE001 - any crash is a failed step, with its trace
                self.report(name, False, {"error": traceback.format_exc()})
            return body
        return run

    def report(self, name, passed, detail):
        result = {"step": name, "passed": passed, "detail": detail}
        self.results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)

    def all_passed(self):
        return all(r["passed"] for r in self.results)

    # ------------------------------------------------------------- helpers

    def date(self, year, month, day):
        return self.m("google.type.Date")(year=year, month=month, day=day)

    def status_details(self, error):
        """The google.rpc.Status of a failed call, from the grpc-status-details-bin trailer."""
        for key, value in error.trailing_metadata() or ():
            if key == STATUS_DETAILS_KEY:
                return self.m("google.rpc.Status").FromString(value)
        raise StepFailure(f"no {STATUS_DETAILS_KEY} trailer on {error.code().name}: {error.details()}")

    def unpack(self, status, full_name):
        cls = self.m(full_name)
        found = []
        for any_detail in status.details:
            if any_detail.type_url.endswith("/" + full_name):
                found.append(cls.FromString(any_detail.value))
        return found

    def expect_error(self, call, code):
        try:
            call()
        except grpc.RpcError as error:
            expect(error.code() == code, f"expected {code.name}, got {error.code().name}: {error.details()}")
            return error
        raise StepFailure(f"expected {code.name}, the call succeeded")

    def error_reason(self, error):
        """ErrorInfo.reason of a failed call's google.rpc.Status (exactly one ErrorInfo expected)."""
        infos = self.unpack(self.status_details(error), "google.rpc.ErrorInfo")
        expect(len(infos) == 1, f"{len(infos)} ErrorInfo details")
        return error_info_reason(infos[0])


def main(service_full_name, scenario_class):
    """Parses --address and --descriptor-set, runs the scenario and returns the process exit code."""
    # The steps print Vietnamese; the test reads UTF-8 whatever the machine's locale.
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stderr.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", required=True, help="host:port of the service")
    parser.add_argument("--descriptor-set", required=True, help="FileDescriptorSet with the service's .proto and google.rpc")
    args = parser.parse_args()

    try:
        messages = Messages(args.descriptor_set)
    except Exception:  # noqa: BLE001
        print(json.dumps({"error": traceback.format_exc()}))
        return 2

    with grpc.insecure_channel(args.address) as channel:
        grpc.channel_ready_future(channel).result(timeout=RPC_TIMEOUT_SECONDS)
        scenario = scenario_class(ServiceStub(channel, messages, service_full_name), messages)
        passed = scenario.run()
    if not passed:
        failed = [r for r in scenario.results if not r["passed"]]
        print("failed steps: " + json.dumps(failed, ensure_ascii=False), file=sys.stderr)
    return 0 if passed else 1
