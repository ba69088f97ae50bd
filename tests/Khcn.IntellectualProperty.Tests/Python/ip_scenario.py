#!/usr/bin/python3
"""A scenario against the IntellectualProperty service from a client nobody here wrote:
grpc Python (C-core, Debian's python3-grpcio) with message classes built at
run time from a FileDescriptorSet.

Usage:
  ip_scenario.py --address 127.0.0.1:5103 --descriptor-set ip.pb

A certification mark of Lai Châu filed on 2015-03-10 (Nice class 30) is
created (and retried with the same request_id), walked through formality
examination, acceptance, publication and substantive examination to grant
(a stale etag refused on the way), its computed term is checked (expiry
2025-03-10, renewal window from 2024-09-10, grace until 2025-09-10), it is
renewed on a request of 2025-01-15 (next expiry 2035-03-10), a renewal
outside the new window is refused with FAILED_PRECONDITION and its ErrorInfo,
and ListExpiringAssets as of 2034-10-01 finds it with the window open.

Prints one JSON object per step: {"step", "passed", "detail"} and exits 0 when
every step passed, 1 otherwise, 2 on a usage/environment error. The runner,
the descriptor-built messages and stub and the error helpers are shared with
the other scenarios: tests/Shared/Python/khcn_scenario.py.
"""
import datetime
import os
import sys
import uuid

# The scenario runner shared with the other services' scenarios (tests/Shared/Python).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Shared", "Python"))
from khcn_scenario import Scenario, error_info_reason, expect, main  # noqa: E402

import grpc  # noqa: E402  (khcn_scenario has reported a missing grpc already)

SERVICE = "khcn.ip.v1.IntellectualPropertyService"
PACKAGE = "khcn.ip.v1"
LAI_CHAU = "12"
EXAMINER = "Cục Sở hữu trí tuệ"
HOLDER = "Sở Khoa học và Công nghệ tỉnh Lai Châu"

FILED = datetime.date(2015, 3, 10)
PUBLISHED = datetime.date(2015, 8, 25)
GRANTED = datetime.date(2016, 9, 20)
# Mark: 10 years from filing; renewal window 6 months before expiry, grace 6 months after (IP Law Art. 93).
FIRST_EXPIRY = datetime.date(2025, 3, 10)
FIRST_WINDOW = datetime.date(2024, 9, 10)
FIRST_GRACE_END = datetime.date(2025, 9, 10)
RENEWAL_REQUEST = datetime.date(2025, 1, 15)
# A renewal adds 10 years to the previous expiry.
NEXT_EXPIRY = datetime.date(2035, 3, 10)
NEXT_WINDOW = datetime.date(2034, 9, 10)
NEXT_GRACE_END = datetime.date(2035, 9, 10)
AS_OF = datetime.date(2034, 10, 1)
EXPIRE_BEFORE = datetime.date(2035, 12, 31)
# Inside neither the new window nor any grace period.
TOO_EARLY = datetime.date(2025, 6, 1)

# The lifecycle walked below, as the history records it.
EXPECTED_EVENTS = ["FILED", "FORMALITY_EXAMINATION_STARTED", "ACCEPTED_AS_VALID", "PUBLISHED",
                   "SUBSTANTIVE_EXAMINATION_STARTED", "GRANTED", "RENEWED"]


def as_date(value):
    """A google.type.Date as a datetime.date, or None when unset."""
    return datetime.date(value.year, value.month, value.day) if value.year else None


class IpScenario(Scenario):
    """A certification mark from filing through grant and renewal to the expiring list."""

    def enum(self, enum_name, value_name):
        return self.m.enum_value(f"{PACKAGE}.{enum_name}", value_name)

    def name_of(self, enum_name, number):
        return self.m.enum_name(f"{PACKAGE}.{enum_name}", number)

    def day(self, value):
        return self.date(value.year, value.month, value.day)

    def verb(self, method, current, **fields):
        """Calls a lifecycle method with the asset's current etag; returns the asset it answers."""
        request = self.m(f"{PACKAGE}.{method}Request")(name=current.name, etag=current.etag, actor=EXAMINER, **fields)
        return getattr(self.stub, method)(request)

    def expect_state(self, asset, state):
        actual = self.name_of("Asset.State", asset.state)
        expect(actual == state, f"state is {actual}, expected {state}")

    def term_of(self, asset):
        return {
            "expiry_date": str(as_date(asset.expiry_date)),
            "renewal_window_start": str(as_date(asset.renewal_window_start)),
            "grace_period_end": str(as_date(asset.grace_period_end)),
            "renewal_count": asset.renewal_count,
        }

    def run(self):
        m = self.m
        request_id = str(uuid.uuid4())
        title = f"Gạo Séng Cù Lai Châu (kịch bản Python {request_id[:8]})"
        application_number = f"4-2015-{request_id[:5]}"

        def create_request():
            asset = m(f"{PACKAGE}.Asset")(
                kind=self.enum("AssetKind", "MARK"),
                mark_type=self.enum("MarkType", "CERTIFICATION"),
                title=title,
                holder=m(f"{PACKAGE}.Holder")(
                    display_name=HOLDER, kind=self.enum("Holder.Kind", "STATE_AGENCY"), address="Thành phố Lai Châu, tỉnh Lai Châu"),
                province_code=LAI_CHAU,
                application_number=application_number,
                filing_date=self.day(FILED),
                nice_classes=[30],
                representation=self.enum("MarkRepresentation", "COMBINED"))
            return m(f"{PACKAGE}.CreateAssetRequest")(asset=asset, request_id=request_id)

        @self.step("file_certification_mark")
        def _():
            created = self.stub.CreateAsset(create_request())
            expect(created.name.startswith("assets/"), f"name is {created.name!r}")
            expect(created.title == title, f"title came back as {created.title!r}")
            expect(list(created.nice_classes) == [30], f"Nice classes {list(created.nice_classes)}")
            expect(self.name_of("MarkType", created.mark_type) == "CERTIFICATION", "mark type lost")
            self.expect_state(created, "FILED")
            expect(as_date(created.filing_date) == FILED, f"filing date {created.filing_date}")
            expect(not created.HasField("expiry_date"), "an application that is not granted has an expiry")
            self.state["filed"] = created
            return {"name": created.name, "state": self.name_of("Asset.State", created.state)}

        @self.step("retry_with_same_request_id", needs=("filed",))
        def _():
            retried = self.stub.CreateAsset(create_request())
            first = self.state["filed"]
            expect(retried.name == first.name, f"retry created {retried.name!r}, first call {first.name!r}")
            expect(retried.etag == first.etag, "retry answered a different version")
            return {"name": retried.name}

        @self.step("start_formality_examination", needs=("filed",))
        def _():
            current = self.state["filed"]
            examined = self.verb("StartAssetFormalityExamination", current, document_reference="Thông báo thẩm định hình thức")
            self.expect_state(examined, "FORMALITY_EXAMINATION")
            expect(examined.etag != current.etag, "the etag did not change")
            self.state["stale_etag"] = current.etag
            self.state["formality"] = examined

        @self.step("stale_etag_is_aborted", needs=("formality", "stale_etag"))
        def _():
            stale = m(f"{PACKAGE}.AcceptAssetRequest")(
                name=self.state["formality"].name, etag=self.state["stale_etag"], actor=EXAMINER)
            error = self.expect_error(lambda: self.stub.AcceptAsset(stale), grpc.StatusCode.ABORTED)
            status = self.status_details(error)
            reason = self.error_reason(error)
            expect(reason == "ETAG_MISMATCH", f"reason {reason!r}")
            resources = self.unpack(status, "google.rpc.ResourceInfo")
            expect(len(resources) == 1 and resources[0].resource_name == self.state["formality"].name,
                   f"ResourceInfo {[r.resource_name for r in resources]}")
            return {"reason": reason}

        @self.step("accept", needs=("formality",))
        def _():
            accepted = self.verb("AcceptAsset", self.state["formality"], document_reference="Quyết định chấp nhận đơn hợp lệ")
            self.expect_state(accepted, "ACCEPTED_AS_VALID")
            self.state["accepted"] = accepted

        @self.step("publish", needs=("accepted",))
        def _():
            published = self.verb("PublishAsset", self.state["accepted"], publication_date=self.day(PUBLISHED))
            self.expect_state(published, "PUBLISHED")
            expect(as_date(published.publication_date) == PUBLISHED, f"publication date {published.publication_date}")
            self.state["published"] = published

        @self.step("start_substantive_examination", needs=("published",))
        def _():
            examined = self.verb("StartAssetSubstantiveExamination", self.state["published"])
            self.expect_state(examined, "SUBSTANTIVE_EXAMINATION")
            self.state["substantive"] = examined

        @self.step("grant", needs=("substantive",))
        def _():
            granted = self.verb("GrantAsset", self.state["substantive"], grant_number=f"GCN-{request_id[:6]}",
                                grant_date=self.day(GRANTED), document_reference="Quyết định cấp văn bằng bảo hộ")
            self.expect_state(granted, "IN_FORCE")
            expect(as_date(granted.grant_date) == GRANTED, f"grant date {granted.grant_date}")
            # The term runs from filing, not from grant, and is computed by the server.
            expect(as_date(granted.expiry_date) == FIRST_EXPIRY, f"expiry {granted.expiry_date}")
            expect(as_date(granted.renewal_window_start) == FIRST_WINDOW, f"window start {granted.renewal_window_start}")
            expect(as_date(granted.grace_period_end) == FIRST_GRACE_END, f"grace end {granted.grace_period_end}")
            expect(granted.renewal_count == 0, f"renewal_count {granted.renewal_count}")
            self.state["granted"] = granted
            return self.term_of(granted)

        @self.step("illegal_transition_is_failed_precondition", needs=("granted",))
        def _():
            again = m(f"{PACKAGE}.AcceptAssetRequest")(name=self.state["granted"].name, actor=EXAMINER)
            error = self.expect_error(lambda: self.stub.AcceptAsset(again), grpc.StatusCode.FAILED_PRECONDITION)
            reason = self.error_reason(error)
            expect(reason == "INVALID_STATE_TRANSITION", f"reason {reason!r}")
            return {"reason": reason, "message": error.details()}

        @self.step("renew", needs=("granted",))
        def _():
            renewed = self.verb("RenewAsset", self.state["granted"], request_date=self.day(RENEWAL_REQUEST),
                                document_reference="Quyết định gia hạn hiệu lực")
            self.expect_state(renewed, "IN_FORCE")
            expect(renewed.renewal_count == 1, f"renewal_count {renewed.renewal_count}")
            expect(as_date(renewed.expiry_date) == NEXT_EXPIRY, f"expiry {renewed.expiry_date}")
            expect(as_date(renewed.renewal_window_start) == NEXT_WINDOW, f"window start {renewed.renewal_window_start}")
            expect(as_date(renewed.grace_period_end) == NEXT_GRACE_END, f"grace end {renewed.grace_period_end}")
            self.state["renewed"] = renewed
            return self.term_of(renewed)

        @self.step("renewal_outside_window_is_failed_precondition", needs=("renewed",))
        def _():
            current = self.state["renewed"]
            early = m(f"{PACKAGE}.RenewAssetRequest")(
                name=current.name, etag=current.etag, actor=EXAMINER, request_date=self.day(TOO_EARLY))
            error = self.expect_error(lambda: self.stub.RenewAsset(early), grpc.StatusCode.FAILED_PRECONDITION)
            status = self.status_details(error)
            expect(status.code == grpc.StatusCode.FAILED_PRECONDITION.value[0], f"google.rpc.Status code {status.code}")
            infos = self.unpack(status, "google.rpc.ErrorInfo")
            expect(len(infos) == 1, f"{len(infos)} ErrorInfo details")
            info = infos[0]
            reason = error_info_reason(info)
            expect(reason == "OUTSIDE_RENEWAL_WINDOW", f"reason {reason!r}")
            expect(info.domain == "ip.khcn.gov.vn", f"domain {info.domain!r}")
            metadata = dict(info.metadata)
            expect("renewal_window_start" in metadata and "grace_period_end" in metadata, f"metadata {metadata}")
            # Refused: nothing changed.
            unchanged = self.stub.GetAsset(m(f"{PACKAGE}.GetAssetRequest")(name=current.name))
            expect(unchanged.etag == current.etag and unchanged.renewal_count == 1, "the refused renewal changed the asset")
            return {"reason": reason, "domain": info.domain, "metadata": metadata}

        @self.step("history_records_every_step", needs=("renewed",))
        def _():
            response = self.stub.ListAssetEvents(m(f"{PACKAGE}.ListAssetEventsRequest")(
                parent=self.state["renewed"].name, page_size=100))
            events = [self.name_of("AssetEvent.Type", e.type) for e in response.asset_events]
            expect(events == EXPECTED_EVENTS, f"events {events}")
            # CreateAsset takes no actor; every lifecycle method requires one.
            actors = {e.actor for e in response.asset_events[1:]}
            expect(actors == {EXAMINER}, f"lifecycle actors {actors}")
            last = response.asset_events[-1]
            expect(last.asset_snapshot.etag == self.state["renewed"].etag, "the RENEWED snapshot is not the renewed asset")
            return {"events": events}

        @self.step("listed_as_expiring_with_window_open", needs=("renewed",))
        def _():
            name = self.state["renewed"].name
            response = self.stub.ListExpiringAssets(m(f"{PACKAGE}.ListExpiringAssetsRequest")(
                as_of=self.day(AS_OF), expire_before=self.day(EXPIRE_BEFORE), page_size=1000))
            found = [e for e in response.expiring_assets if e.asset.name == name]
            expect(len(found) == 1, f"{name} not among {[e.asset.name for e in response.expiring_assets]}")
            entry = found[0]
            stage = self.name_of("ExpiringAsset.Stage", entry.stage)
            expect(stage == "RENEWAL_WINDOW_OPEN", f"stage {stage}")
            expected_days = (NEXT_EXPIRY - AS_OF).days
            expect(entry.days_until_expiry == expected_days, f"days_until_expiry {entry.days_until_expiry}, expected {expected_days}")
            expect(as_date(entry.asset.expiry_date) == NEXT_EXPIRY, f"expiry {entry.asset.expiry_date}")
            return {"names": [e.asset.name for e in response.expiring_assets], "stage": stage,
                    "days_until_expiry": entry.days_until_expiry}

        return self.all_passed()


if __name__ == "__main__":
    sys.exit(main(SERVICE, IpScenario))
