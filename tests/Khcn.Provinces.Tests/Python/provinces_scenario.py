#!/usr/bin/python3
"""A scenario against the Provinces service from a client nobody here wrote:
grpc Python (C-core, Debian's python3-grpcio) with message classes built at
run time from a FileDescriptorSet (protoc --descriptor_set_out
--include_imports), since no Python code generator matches Debian's protobuf.

Usage:
  provinces_scenario.py --address 127.0.0.1:5101 --descriptor-set provinces.pb

Prints one JSON object per step: {"step", "passed", "detail"} and exits 0 when
every step passed, 1 otherwise, 2 on a usage/environment error. A step whose
prerequisite failed is reported as failed, not skipped. The runner, the
descriptor-built messages and stub and the error helpers are shared with the
other scenarios: tests/Shared/Python/khcn_scenario.py.
"""
import os
import sys
import uuid

# The scenario runner shared with the other services' scenarios (tests/Shared/Python).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Shared", "Python"))
from khcn_scenario import Scenario, error_info_reason, expect, main  # noqa: E402

import grpc  # noqa: E402  (khcn_scenario has reported a missing grpc already)

SERVICE = "khcn.provinces.v1.ProvincesService"
PACKAGE = "khcn.provinces.v1"
ACTOR = "officials/python-scenario"


class ProvincesScenario(Scenario):
    """Provinces and officials looked up by date, then a recommendation's lifecycle with its errors."""

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

        return self.all_passed()


if __name__ == "__main__":
    sys.exit(main(SERVICE, ProvincesScenario))
