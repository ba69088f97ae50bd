#!/usr/bin/python3
"""A scenario against the Tasks service from a client nobody here wrote:
grpc Python (C-core, Debian's python3-grpcio) with message classes built at
run time from a FileDescriptorSet.

Usage:
  tasks_scenario.py --address 127.0.0.1:5102 --descriptor-set tasks.pb

A watcher opens a WatchTasks stream on today's Quảng Trị (44); a task is then
created under Quảng Trị's code before the 2025 merger (45, start 2023-11-29),
retried with the same request_id, walked through its lifecycle (with a stale
etag and an illegal transition refused on the way), summarized and listed
through today's code, and the watcher must have seen every change in order.

Prints one JSON object per step: {"step", "passed", "detail"} and exits 0 when
every step passed, 1 otherwise, 2 on a usage/environment error. The runner,
the descriptor-built messages and stub and the error helpers are shared with
the other scenarios: tests/Shared/Python/khcn_scenario.py.
"""
import os
import queue
import sys
import threading
import time
import uuid

# The scenario runner shared with the other services' scenarios (tests/Shared/Python).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Shared", "Python"))
from khcn_scenario import Scenario, expect, main  # noqa: E402

import grpc  # noqa: E402  (khcn_scenario has reported a missing grpc already)

SERVICE = "khcn.tasks.v1.TasksService"
PACKAGE = "khcn.tasks.v1"
TODAYS_CODE = "44"
CLOSED_CODE = "45"
WATCH_SECONDS = 30
HOST = "Sở Khoa học và Công nghệ tỉnh Quảng Trị"

# The lifecycle walked below, as the history records it.
EXPECTED_EVENTS = ["CREATED", "SELECTED", "APPROVED", "CONTRACTED", "STARTED", "EXTENDED", "ACCEPTED"]


class Watcher:
    """Reads a WatchTasks stream on a thread of its own, so the scenario can write while changes arrive."""

    def __init__(self, call):
        self.call = call
        self.changes = queue.Queue()
        self.error = None
        self.opened = False
        self._headers = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._await_headers, daemon=True).start()

    def wait_until_open(self, seconds):
        """Whether the server sent the stream's headers (it has taken the watch) within `seconds`; raises the call's
        error when it failed instead."""
        self._headers.wait(seconds)
        if self.error is not None:
            raise self.error
        return self.opened

    def _await_headers(self):
        try:
            self.call.initial_metadata()
            self.opened = True
        except grpc.RpcError as error:
            self.error = error
        finally:
            self._headers.set()

    def _read(self):
        try:
            for change in self.call:
                self.changes.put(change)
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.CANCELLED:
                self.error = error
        finally:
            self.changes.put(None)

    def changes_of(self, task_name, until_event, event_enum_name, m):
        """The changes of one task, in arrival order, up to and including the first event of type `until_event`."""
        found = []
        deadline = time.monotonic() + WATCH_SECONDS
        while time.monotonic() < deadline:
            try:
                change = self.changes.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if change is None:
                break
            if change.task.name != task_name:
                continue
            found.append(change)
            if m.enum_name(event_enum_name, change.event.type) == until_event:
                break
        return found


class TasksScenario(Scenario):
    """A task under a closed province code through its whole lifecycle, watched, summarized and listed."""

    def enum(self, enum_name, value_name):
        return self.m.enum_value(f"{PACKAGE}.{enum_name}", value_name)

    def name_of(self, enum_name, number):
        return self.m.enum_name(f"{PACKAGE}.{enum_name}", number)

    def verb(self, method, request_type, current, actor, **fields):
        """Calls a lifecycle method with the task's current etag; returns the task it answers."""
        request = self.m(f"{PACKAGE}.{request_type}")(name=current.name, etag=current.etag, actor=actor, **fields)
        return getattr(self.stub, method)(request)

    def expect_state(self, task, state):
        actual = self.name_of("Task.State", task.state)
        expect(actual == state, f"state is {actual}, expected {state}")

    def run(self):
        m = self.m

        @self.step("open_watch")
        def _():
            request = m(f"{PACKAGE}.WatchTasksRequest")(filter=f'province_code = "{TODAYS_CODE}"')
            watcher = Watcher(self.stub.WatchTasks(request, timeout=WATCH_SECONDS * 4))
            # The server sends the response headers once it has fixed where the watch starts: every change committed
            # after they arrive reaches this stream, so the writes below wait for them.
            expect(watcher.wait_until_open(WATCH_SECONDS), f"no response headers within {WATCH_SECONDS} s")
            self.state["watcher"] = watcher

        request_id = str(uuid.uuid4())
        title = f"Ứng dụng chế phẩm vi sinh vật trong sản xuất nông nghiệp (kịch bản Python {request_id[:8]})"

        def create_request():
            task = m(f"{PACKAGE}.Task")(
                title=title,
                kind=self.enum("TaskKind", "RESEARCH_TOPIC"),
                level=self.enum("TaskLevel", "PROVINCIAL"),
                province_code=CLOSED_CODE,
                host_organisation=m(f"{PACKAGE}.Organisation")(display_name=HOST, address="Đông Hà, Quảng Trị"),
                principal_investigator="Nguyễn Văn Bình",
                field=self.enum("ResearchField", "AGRICULTURE"),
                subject="chế phẩm vi sinh vật",
                start_date=self.date(2023, 11, 29),
                end_date=self.date(2024, 12, 31),
                budget=m(f"{PACKAGE}.Budget")(state_budget_vnd=850_000_000, other_sources_vnd=150_000_000))
            return m(f"{PACKAGE}.CreateTaskRequest")(task=task, request_id=request_id)

        @self.step("create_under_closed_code")
        def _():
            created = self.stub.CreateTask(create_request())
            expect(created.name.startswith("tasks/"), f"name is {created.name!r}")
            expect(created.province_code == CLOSED_CODE, f"province code came back as {created.province_code!r}")
            expect(created.title == title, f"title came back as {created.title!r}")
            self.expect_state(created, "PROPOSED")
            expect(created.budget.total_vnd == 1_000_000_000, f"total budget {created.budget.total_vnd}")
            self.state["task"] = created
            return {"name": created.name, "province_code": created.province_code, "state": self.name_of("Task.State", created.state)}

        @self.step("retry_with_same_request_id", needs=("task",))
        def _():
            retried = self.stub.CreateTask(create_request())
            first = self.state["task"]
            expect(retried.name == first.name, f"retry created {retried.name!r}, first call {first.name!r}")
            expect(retried.etag == first.etag, "retry answered a different version")
            return {"name": retried.name}

        @self.step("select", needs=("task",))
        def _():
            current = self.state["task"]
            selected = self.verb("SelectTask", "SelectTaskRequest", current, "Hội đồng tư vấn tuyển chọn",
                                 reason="Đề xuất phù hợp định hướng của tỉnh")
            self.expect_state(selected, "SELECTED")
            expect(selected.etag != current.etag, "the etag did not change")
            self.state["stale_etag"] = current.etag
            self.state["selected"] = selected
            return {"etag": selected.etag}

        @self.step("stale_etag_is_aborted", needs=("selected", "stale_etag"))
        def _():
            stale = m(f"{PACKAGE}.ApproveTaskRequest")(
                name=self.state["selected"].name, etag=self.state["stale_etag"], actor="Ủy ban nhân dân tỉnh Quảng Trị")
            error = self.expect_error(lambda: self.stub.ApproveTask(stale), grpc.StatusCode.ABORTED)
            status = self.status_details(error)
            expect(status.code == grpc.StatusCode.ABORTED.value[0], f"google.rpc.Status code {status.code}")
            reason = self.error_reason(error)
            expect(reason == "ETAG_MISMATCH", f"reason {reason!r}")
            resources = self.unpack(status, "google.rpc.ResourceInfo")
            expect(len(resources) == 1 and resources[0].resource_name == self.state["selected"].name,
                   f"ResourceInfo {[r.resource_name for r in resources]}")
            return {"reason": reason}

        @self.step("approve", needs=("selected",))
        def _():
            approved = self.verb("ApproveTask", "ApproveTaskRequest", self.state["selected"], "Ủy ban nhân dân tỉnh Quảng Trị",
                                 document_reference="QĐ phê duyệt (kịch bản)")
            self.expect_state(approved, "APPROVED")
            self.state["approved"] = approved

        @self.step("contract", needs=("approved",))
        def _():
            contracted = self.verb("ContractTask", "ContractTaskRequest", self.state["approved"], HOST)
            self.expect_state(contracted, "CONTRACTED")
            self.state["contracted"] = contracted

        @self.step("start", needs=("contracted",))
        def _():
            started = self.verb("StartTask", "StartTaskRequest", self.state["contracted"], HOST)
            self.expect_state(started, "IN_PROGRESS")
            self.state["started"] = started

        @self.step("illegal_transition_is_failed_precondition", needs=("started",))
        def _():
            again = m(f"{PACKAGE}.SelectTaskRequest")(name=self.state["started"].name, actor="Hội đồng tư vấn tuyển chọn")
            error = self.expect_error(lambda: self.stub.SelectTask(again), grpc.StatusCode.FAILED_PRECONDITION)
            reason = self.error_reason(error)
            expect(reason == "INVALID_STATE_TRANSITION", f"reason {reason!r}")
            expect("IN_PROGRESS" in error.details(), f"the message does not name the current state: {error.details()!r}")
            return {"reason": reason, "message": error.details()}

        @self.step("extend", needs=("started",))
        def _():
            extended = self.verb("ExtendTask", "ExtendTaskRequest", self.state["started"], HOST,
                                 reason="Thời tiết bất lợi làm chậm mô hình thử nghiệm",
                                 new_end_date=self.date(2025, 6, 30))
            self.expect_state(extended, "IN_PROGRESS")
            expect(extended.extension_count == 1, f"extension_count {extended.extension_count}")
            expect((extended.end_date.year, extended.end_date.month, extended.end_date.day) == (2025, 6, 30),
                   f"end date {extended.end_date}")
            self.state["extended"] = extended

        @self.step("accept", needs=("extended",))
        def _():
            accepted = self.verb("AcceptTask", "AcceptTaskRequest", self.state["extended"], "Hội đồng nghiệm thu cấp tỉnh",
                                 rating=self.enum("AcceptanceRating", "PASS"))
            self.expect_state(accepted, "ACCEPTED")
            rating = self.name_of("AcceptanceRating", accepted.acceptance_rating)
            expect(rating == "PASS", f"rating {rating}")
            expect(accepted.province_code == CLOSED_CODE, f"province code is now {accepted.province_code!r}")
            self.state["accepted"] = accepted
            return {"state": self.name_of("Task.State", accepted.state), "rating": rating,
                    "extension_count": accepted.extension_count}

        @self.step("summarize_by_state", needs=("accepted",))
        def _():
            request = m(f"{PACKAGE}.SummarizeTasksRequest")(
                province_codes=[TODAYS_CODE], group_by=[self.enum("SummarizeTasksRequest.Dimension", "STATE")])
            summary = self.stub.SummarizeTasks(request)
            counts = {self.name_of("Task.State", row.state): row.task_count for row in summary.rows}
            expect(counts.get("ACCEPTED", 0) >= 1, f"rows are {counts}")
            expect(summary.total.task_count == sum(counts.values()), f"total {summary.total.task_count} for rows {counts}")
            expect(summary.total.total_budget_vnd >= 1_000_000_000, f"total budget {summary.total.total_budget_vnd}")
            return {"counts": counts, "total": summary.total.task_count}

        @self.step("list_through_todays_code", needs=("accepted",))
        def _():
            name = self.state["accepted"].name
            response = self.stub.ListTasks(m(f"{PACKAGE}.ListTasksRequest")(filter=f'province_code = "{TODAYS_CODE}"', page_size=1000))
            found = [t for t in response.tasks if t.name == name]
            expect(len(found) == 1, f"{name} not among {[t.name for t in response.tasks]}")
            expect(found[0].province_code == CLOSED_CODE, f"listed with province code {found[0].province_code!r}")
            return {"names": [t.name for t in response.tasks], "province_codes": sorted({t.province_code for t in response.tasks})}

        @self.step("watch_saw_every_change_in_order", needs=("watcher", "accepted"))
        def _():
            watcher = self.state["watcher"]
            try:
                changes = watcher.changes_of(self.state["accepted"].name, "ACCEPTED", f"{PACKAGE}.TaskEvent.Type", m)
            finally:
                watcher.call.cancel()
            if watcher.error is not None:
                raise watcher.error
            seen = [[self.name_of("WatchTasksResponse.ChangeType", c.change_type),
                     self.name_of("TaskEvent.Type", c.event.type),
                     self.name_of("Task.State", c.task.state)] for c in changes]
            events = [s[1] for s in seen]
            expect(events == EXPECTED_EVENTS, f"events seen {events}")
            expect([s[0] for s in seen] == ["ADDED"] + ["MODIFIED"] * (len(EXPECTED_EVENTS) - 1), f"changes seen {seen}")
            expect(all(c.resume_token for c in changes), "a change came without a resume token")
            expect(changes[-1].task.province_code == CLOSED_CODE, "the watched task lost its province code")
            return {"changes": seen}

        return self.all_passed()


if __name__ == "__main__":
    sys.exit(main(SERVICE, TasksScenario))
