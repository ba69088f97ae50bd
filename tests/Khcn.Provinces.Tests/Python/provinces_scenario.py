#!/usr/bin/python3
"""A scenario against the Provinces service from a client nobody here wrote:
grpc Python (C-core, Debian's python3-grpcio) with message classes built at
run time from a FileDescriptorSet (protoc --descriptor_set_out
--include_imports), since no Python code generator matches Debian's protobuf.

Usage:
  provinces_scenario.py --address 127.0.0.1:5101 --descriptor-set provinces.pb

Prints one JSON object per step: {"step", "passed", "detail"} and exits 0 when
every step passed, 1 otherwise, 2 on a usage/environment error. A step whose
prerequisite failed is reported as failed, not skipped.
"""
import argparse
import json
import sys
import traceback
import uuid

try:
    import grpc
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
except ImportError as missing:  # pragma: no cover - reported to the test as an install hint
    print(json.dumps({"error": f"{missing}. Install Debian packages: apt-get install -y python3-grpcio python3-protobuf"}))
    sys.exit(2)

SERVICE = "khcn.provinces.v1.ProvincesService"
PACKAGE = "khcn.provinces.v1"
STATUS_DETAILS_KEY = "grpc-status-details-bin"
RPC_TIMEOUT_SECONDS = 30
ACTOR = "officials/python-scenario"


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
    """Message classes of khcn.provinces.v1 and google.rpc, built from a descriptor set."""

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


class ProvincesStub:
    """Unary methods of ProvincesService, looked up in the descriptor pool by name."""

    def __init__(self, channel, messages):
        service = messages.pool.FindServiceByName(SERVICE)
        self._methods = {}
        for method in service.methods:
            request = messages(method.input_type.full_name)
            response = messages(method.output_type.full_name)
            self._methods[method.name] = channel.unary_unary(
                f"/{SERVICE}/{method.name}", request.SerializeToString, response.FromString)

    def __getattr__(self, name):
        method = self._methods[name]
        return lambda request: method(request, timeout=RPC_TIMEOUT_SECONDS)


class Scenario:
    def __init__(self, stub, m):
        self.stub = stub
        self.m = m
        self.results = []
        self.state = {}

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

    # --------------------------------------------------------------- steps

    def run(self):
        m = self.m

        @self.step("resolve_closed_code")
        def _():
            response = self.stub.ResolveProvince(m(f"{PACKAGE}.ResolveProvinceRequest")(code="45", date=self.date(2023, 11, 29)))
            expect(response.current.name == "provinces/44", f"current is {response.current.name!r}")
            expect(response.historical.name == "provinces/45", f"historical is {response.historical.name!r}")
            lineage = [p.name for p in response.lineage]
            expect("provinces/45" in lineage and "provinces/44" in lineage, f"lineage is {lineage}")
            return {"current": response.current.name, "current_display_name": response.current.display_name, "lineage": lineage}

        chair_role = m.enum_value(f"{PACKAGE}.PositionRole", "PEOPLES_COMMITTEE_CHAIR")

        @self.step("find_post_holders")
        def _():
            request = m(f"{PACKAGE}.FindPostHoldersRequest")(role=chair_role, province="provinces/44", date=self.date(2023, 11, 29))
            holders = self.stub.FindPostHolders(request).holders
            if not holders:
                # No chair on record for that day: put one there, then ask again.
                official = m(f"{PACKAGE}.Official")(display_name="Chủ tịch UBND tỉnh (kịch bản Python)")
                official.positions.add(role=chair_role, title="Chủ tịch UBND tỉnh", province="provinces/45",
                                       start_date=self.date(2023, 11, 29))
                self.stub.CreateOfficial(m(f"{PACKAGE}.CreateOfficialRequest")(official=official, request_id=str(uuid.uuid4())))
                holders = self.stub.FindPostHolders(request).holders
            expect(len(holders) >= 1, "nobody held PEOPLES_COMMITTEE_CHAIR of provinces/44 on 2023-11-29")
            holder = holders[0]
            expect(holder.position.role == chair_role, f"matching position has role {holder.position.role}")
            self.state["chair"] = holder.official.name
            return {"holder": holder.official.name, "display_name": holder.official.display_name,
                    "position_province": holder.position.province}

        @self.step("list_officials_filtered", needs=("chair",))
        def _():
            request = m(f"{PACKAGE}.ListOfficialsRequest")(
                filter='positions.province = "provinces/44" AND positions.role = PEOPLES_COMMITTEE_CHAIR', page_size=1000)
            response = self.stub.ListOfficials(request)
            names = [o.name for o in response.officials]
            expect(self.state["chair"] in names, f"{self.state['chair']} missing from {names}")
            expect(response.total_size == len(names), f"total_size {response.total_size} for {len(names)} officials")
            for official in response.officials:
                expect(any(p.role == chair_role for p in official.positions), f"{official.name} holds no chair position")
            return {"officials": names}

        request_id = str(uuid.uuid4())

        def create_request():
            recommendation = m(f"{PACKAGE}.Recommendation")(
                province="provinces/44",
                addressee=m.enum_value(f"{PACKAGE}.Addressee", "MINISTRY"),
                topic="hỗ trợ chuyển giao công nghệ",
                summary="Đề nghị Bộ hỗ trợ chuyển giao công nghệ bảo quản sau thu hoạch.")
            return m(f"{PACKAGE}.CreateRecommendationRequest")(recommendation=recommendation, request_id=request_id)

        @self.step("create_recommendation")
        def _():
            created = self.stub.CreateRecommendation(create_request())
            expect(created.name.startswith("recommendations/"), f"name is {created.name!r}")
            expect(created.state == m.enum_value(f"{PACKAGE}.Recommendation.State", "RAISED"), f"state is {created.state}")
            expect(created.topic == "hỗ trợ chuyển giao công nghệ", f"topic came back as {created.topic!r}")
            self.state["recommendation"] = created
            return {"name": created.name, "request_id": request_id}

        @self.step("retry_with_same_request_id", needs=("recommendation",))
        def _():
            retried = self.stub.CreateRecommendation(create_request())
            first = self.state["recommendation"]
            expect(retried.name == first.name, f"retry created {retried.name!r}, first call {first.name!r}")
            expect(retried.etag == first.etag, "retry answered a different version")
            return {"name": retried.name}

        @self.step("assign", needs=("recommendation",))
        def _():
            current = self.state["recommendation"]
            assigned = self.stub.AssignRecommendation(m(f"{PACKAGE}.AssignRecommendationRequest")(
                name=current.name, etag=current.etag, actor=ACTOR, assignee="Vụ Phát triển khoa học và công nghệ địa phương"))
            expect(assigned.state == m.enum_value(f"{PACKAGE}.Recommendation.State", "ASSIGNED"), f"state is {assigned.state}")
            expect(assigned.etag != current.etag, "the etag did not change")
            self.state["stale_etag"] = current.etag
            self.state["assigned"] = assigned
            return {"etag": assigned.etag}

        @self.step("stale_etag_is_aborted", needs=("assigned", "stale_etag"))
        def _():
            name = self.state["assigned"].name
            error = self.expect_error(lambda: self.stub.StartRecommendation(m(f"{PACKAGE}.StartRecommendationRequest")(
                name=name, etag=self.state["stale_etag"], actor=ACTOR)), grpc.StatusCode.ABORTED)
            status = self.status_details(error)
            expect(status.code == grpc.StatusCode.ABORTED.value[0], f"google.rpc.Status code {status.code}")
            infos = self.unpack(status, "google.rpc.ErrorInfo")
            expect(len(infos) == 1, f"{len(infos)} ErrorInfo details")
            reason = error_info_reason(infos[0])
            expect(reason == "ETAG_MISMATCH", f"reason {reason!r}")
            return {"reason": reason, "domain": infos[0].domain}

        @self.step("start", needs=("assigned",))
        def _():
            current = self.state["assigned"]
            started = self.stub.StartRecommendation(m(f"{PACKAGE}.StartRecommendationRequest")(
                name=current.name, etag=current.etag, actor=ACTOR, reason="Giao Vụ xử lý"))
            expect(started.state == m.enum_value(f"{PACKAGE}.Recommendation.State", "IN_PROGRESS"), f"state is {started.state}")
            self.state["started"] = started
            return {"etag": started.etag}

        @self.step("answer", needs=("started",))
        def _():
            current = self.state["started"]
            answered = self.stub.AnswerRecommendation(m(f"{PACKAGE}.AnswerRecommendationRequest")(
                name=current.name, etag=current.etag, actor=ACTOR, answer="Bộ đã bố trí nhiệm vụ chuyển giao năm 2024."))
            state_enum = f"{PACKAGE}.Recommendation.State"
            expect(answered.state == m.enum_value(state_enum, "ANSWERED"), f"state is {answered.state}")
            history = [m.enum_name(state_enum, change.state) for change in answered.history]
            expect(history == ["RAISED", "ASSIGNED", "IN_PROGRESS", "ANSWERED"], f"history is {history}")
            expect(all(change.actor for change in answered.history[1:]), "a transition was recorded without its actor")
            return {"state": m.enum_name(state_enum, answered.state), "history": history}

        @self.step("bad_request_is_invalid_argument")
        def _():
            empty = m(f"{PACKAGE}.Recommendation")(province="provinces/44")
            error = self.expect_error(lambda: self.stub.CreateRecommendation(
                m(f"{PACKAGE}.CreateRecommendationRequest")(recommendation=empty)), grpc.StatusCode.INVALID_ARGUMENT)
            status = self.status_details(error)
            requests = self.unpack(status, "google.rpc.BadRequest")
            expect(len(requests) == 1, f"{len(requests)} BadRequest details")
            fields = [v.field for v in requests[0].field_violations]
            expect("recommendation.topic" in fields, f"violations are on {fields}")
            expect("recommendation.addressee" in fields, f"violations are on {fields}")
            return {"fields": fields}

        @self.step("overview_with_tasks_down")
        def _():
            overview = self.stub.GetProvinceOverview(m(f"{PACKAGE}.GetProvinceOverviewRequest")(name="provinces/44/overview"))
            parts = {p.part: p.status_code for p in overview.missing_parts}
            expect("task_counts" in parts, f"missing parts are {parts}")
            expect(overview.province.name == "provinces/44", f"province is {overview.province.name!r}")
            return {"missing_parts": parts, "latest_engagement": overview.latest_engagement.name}

        return all(r["passed"] for r in self.results)


def main():
    # The steps print Vietnamese; the test reads UTF-8 whatever the machine's locale.
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stderr.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", required=True, help="host:port of the Provinces service")
    parser.add_argument("--descriptor-set", required=True, help="FileDescriptorSet with provinces_service.proto and google.rpc")
    args = parser.parse_args()

    try:
        messages = Messages(args.descriptor_set)
    except Exception:  # noqa: BLE001
        print(json.dumps({"error": traceback.format_exc()}))
        return 2

    with grpc.insecure_channel(args.address) as channel:
        grpc.channel_ready_future(channel).result(timeout=RPC_TIMEOUT_SECONDS)
        scenario = Scenario(ProvincesStub(channel, messages), messages)
        passed = scenario.run()
    if not passed:
        failed = [r for r in scenario.results if not r["passed"]]
        print("failed steps: " + json.dumps(failed, ensure_ascii=False), file=sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
