"""The words of dxcheck's human outputs (terminal tables, markdown, the HTML report) in
English and Vietnamese, and how each language writes numbers and dates (``--lang``).

Ids, option names, gate words (``--fail-on overdue``) and everything that comes from the
inputs stay as written; a target's title follows the language when the catalog gives
one (``title_vi``). Vietnamese writes 1.234.567 and 87,5 and dates as 31/12/2025.
Machine formats (json, jsonl, csv, junit, sarif) keep English keys and values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Final

from dxcheck.formats import Lang
from dxcheck.report import Outlook, ProblemReport, Report, Result, Status
from dxcheck.text import number, printable

LANGUAGES: Final = tuple(lang.value for lang in Lang)
DASH: Final = "\u2013"  # an en dash: no value

_EN: Final[dict[str, str]] = {
    "title": "Digital transformation targets: where things stand",
    "as_of": "As of {date}",
    "gate": "Gate",
    "gate_passed": "Gate passed",
    "gate_failed": "Gate failed",
    "gate_passed_text": "No result has a status or outlook that fails the gate ({words}).",
    "gate_failed_text": "{failing} of {total} results have a status or outlook that fails the gate ({words}).",
    "gate_nothing": "nothing: the gate is off",
    "by_status": "Results by status",
    "by_outlook": "Results by outlook",
    "by_category": "Summary by category",
    "by_agency": "Summary by agency",
    "by_entity": "Scoreboard by entity, worst first",
    "targets": "Targets",
    "contents": "Contents",
    "category": "Category",
    "agency": "Agency",
    "entity": "Entity",
    "target": "Target",
    "total": "Results",
    "gate_failing": "Failing the gate",
    "status": "Status",
    "outlook": "Outlook",
    "due": "Due",
    "goal": "Goal",
    "latest": "Latest",
    "progress": "Progress",
    "at_this_pace": "At this pace",
    "eta_reached": "the fitted trend reaches the goal in {month}",
    "entities": "Entities",
    "national": "national",
    "uncategorised": "uncategorised",
    "unspecified": "unspecified",
    "late": "late",
    "done": "done",
    "not_done": "not done",
    "no_data": "no data",
    "no_deadline": "no deadline (never overdue)",
    "days_left": "{n} days left",
    "day_left": "1 day left",
    "days_ago": "{n} days ago",
    "day_ago": "1 day ago",
    "due_today": "due today",
    "source": "Source",
    "said": "Said on {date}",
    "link": "read the source",
    "entity_counts": "{total} entities: {counts}",
    "more_entities": "{shown} of {total} entities shown; dxcheck status --by entity lists them all.",
    "chart": "Chart",
    "chart_none": "No observations up to the as-of date: nothing to chart.",
    "chart_entities": "National series and the {shown} entities furthest from the target (of {total}).",
    "chart_all_entities": "National series and every entity with data.",
    "chart_worst": "The {shown} entities furthest from the target (of {total}); no national series.",
    "chart_every_entity": "Every entity with data; no national series.",
    "chart_of": "{title}: observations over time",
    "axis_date": "date",
    "axis_value": "value ({unit})",
    "axis_value_plain": "value",
    "axis_milestone": "done or not",
    "legend_target": "target {level}",
    "legend_due": "due date",
    "legend_trend": "fitted trend ({method})",
    "legend_projection": "projection to the due date",
    "legend_baseline": "baseline (catalog)",
    "linear": "linear",
    "compound": "compound",
    "numbers": "Numbers behind the chart",
    "series": "Series",
    "first": "First",
    "observations": "Observations",
    "projected": "Projected at the due date",
    "projected_text": "projected {value} on {date}",
    "desc_series": "{name}: {count} observations from {first} to {last}, latest {latest}",
    "desc_series_one": "{name}: one observation on {first}, {latest}",
    "filter": "Filter",
    "filter_hint": "name or status",
    "show_status": "Show targets",
    "all": "all",
    "superseded": "Superseded targets",
    "superseded_item": "{id}: restated as {by} on {date}",
    "warnings": "Warnings",
    "footer": "Catalog: {catalog}. Inputs: {inputs}. Made by dxcheck {version}.",
    "none": "none",
    "catalog_language": "",
    "problems_title": "dxcheck: problems in the inputs",
    "validation_passed": "Validation passed",
    "validation_failed": "Validation failed",
    "checked": "{files} file(s) checked: {errors} error(s), {warnings} warning(s).",
    "location": "Location",
    "code": "Code",
    "severity": "Severity",
    "message": "Message",
    "hint": "Hint",
    "error": "error",
    "warning": "warning",
    # --- terminal tables (dxcheck status, targets, deadlines, diff, --by) ---
    "h_status": "status",
    "h_target": "target",
    "h_entity": "entity",
    "h_due": "due",
    "h_when": "when",
    "h_latest": "latest",
    "h_goal": "goal",
    "h_progress": "progress",
    "h_outlook": "outlook",
    "h_eta": "at this pace",
    "h_title": "title",
    "h_category": "category",
    "h_deadline": "deadline",
    "h_agency": "agency",
    "h_change": "change",
    "h_total": "total",
    "h_failing": "failing",
    "h_results": "results",
    "s_agency": "agency",
    "s_due": "due",
    "s_goal": "goal",
    "s_versions": "versions",
    "s_this": "this",
    "s_source": "source",
    "s_speech": "speech",
    "s_quote": "quote",
    "s_head": "{name}: {status}, outlook {outlook}",
    "s_latest": "latest {latest}; goal {goal}; progress {progress}",
    "s_rates": "current rate {current}; required rate {required}",
    "s_points_a_month": "{value} points a month",
    "s_a_month": "{value} a month",
    "s_projected": "projected {value} at {date} by {method} fit{ratio}",
    "s_open_sdg": "open-sdg progress {ratio} (observed annual growth over the growth required; "
    "0.95 on track, 0.60 needs acceleration, 0 off track)",
    "s_pace": "at this pace: {month} (the fitted trend reaches the goal on {date})",
    "s_pace_now": "at this pace: {month} (the fitted trend is at the goal already, the latest value not yet)",
    "s_pace_never": "at this pace: not by 2100 (the fitted trend is flat, moves away, or arrives later)",
    "s_observations": "observations",
    "t_category": "category",
    "md_diff_title": "Progress from {start} to {end}",
    "r_line": "{status}, outlook {outlook}: latest {latest}, goal {goal}, {when}",
    "r_due": "due {date} ({days})",
    "r_source": "source: {source}",
    "j_read_from": "read from",
    "said_sample": "no CSV given: the bundled sample (sources: dxcheck show TARGET)",
    "said_no_report": "no report: fix the errors above (exit 2)",
    "said_wrote": "wrote {path}",
    "said_interrupted": "interrupted",
    "said_internal_error": "internal error: {error}",
    "said_bug": "this is a bug in dxcheck; set DXCHECK_DEBUG=1 for details and please report it",
    "v_line": "validation {verdict}: {files} file(s) checked, {found}",
    "v_passed": "passed",
    "v_failed": "failed",
    "v_found": "{errors} error(s), {warnings} warning(s)",
    "v_none": "no problems",
    # --- dxcheck coverage ---
    "cov_nation": "The nation",
    "cov_national": "national",
    "cov_late": "{subject} reported {target} for {period} late (due {due})",
    "cov_missing": "{subject} has not reported {target} for {period} (due {due})",
    "cov_in_a_row": "; {count} periods in a row, since {since}",
    "cov_since": "{count} (since {since})",
    "cov_summary": "{count} expected report(s) as of {date}: {parts}. Gate (fail on missing): {verdict}.",
    "cov_passed": "passed",
    "cov_failed": "FAILED ({count})",
    "cov_none_due": "No report is due yet.",
    "cov_h_entity": "entity",
    "cov_h_state": "state",
    "cov_h_target": "target",
    "cov_h_period": "period",
    "cov_h_due": "due",
    "cov_h_missed": "missed in a row",
    "cov_reported": "reported",
    "cov_late_word": "late",
    "cov_missing_word": "missing",
    "md_no_changes": "No changes.",
    "c_observed": "observed",
    "c_target": "target",
    "c_projection": "projection",
    "c_due": "due",
    "t_deadline": "deadline",
    "t_baseline": "baseline",
    "t_on": "{value} on {date}",
    "t_projection": "projection",
    "t_file": "file",
    "t_url": "url",
    "t_note": "note",
    "md_gate_passed": "✅ **Gate passed** as of {date}: no result fails the gate (fail on: {words}).",
    "md_gate_failed": "❌ **Gate failed** as of {date}: {failing} of {total} result(s) fail the gate (fail on: {words}).",
    "md_superseded": "superseded: {id} (restated as {by} on {date})",
    "md_footer": "Catalog: {catalog}. Inputs: {inputs}.",
    "results_as_of": "{count} results as of {date}: {parts}.",
    "gate_line": "Gate (fail on {words}): {verdict}.",
    "gate_ok": "passed",
    "gate_bad": "FAILED ({count})",
    "failing_section": "Failing the gate, worst first: {count}",
    "others_section": "Not failing the gate: {count}",
    "no_results": "No results match the selection.",
    "next_show": "Next, the worst result",
    "next_entity": "The entity failing most",
    "superseded_line": "superseded by a restatement: {ids} (dxcheck targets ID shows each version)",
    "targets_footer": "{count} targets in {path}. Show one in full: dxcheck targets ID",
    "no_deadlines": "No deadlines match.",
    "no_changes": "No changes between {start} and {end}.",
    "changes_footer": "{count} change(s) between {start} and {end}.",
    "groups_footer": "{count} group(s) by {by} as of {date}.",
    "milestone": "milestone",
    "no_deadline_short": "no deadline",
    "more_groups": "... and {count} more entities (dxcheck status --by entity)",
    "worst_shown": "The {shown} results that fail the gate worst, of {count}:",
    "see_all": "{count} results in all: --all lists every one here; --format json, csv or jsonl, or a pipe, "
    "gives them to a tool; --entity or --category narrows the selection.",
}

_VI: Final[dict[str, str]] = {
    "title": "Các chỉ tiêu chuyển đổi số: tình hình thực hiện",
    "as_of": "Tính đến ngày {date}",
    "gate": "Kết luận kiểm tra",
    "gate_passed": "Kiểm tra: ĐẠT",
    "gate_failed": "Kiểm tra: KHÔNG ĐẠT",
    "gate_passed_text": "Không có kết quả nào có trạng thái hoặc xu hướng thuộc diện không đạt ({words}).",
    "gate_failed_text": "{failing}/{total} kết quả có trạng thái hoặc xu hướng thuộc diện không đạt ({words}).",
    "gate_nothing": "không có: không áp dụng kiểm tra",
    "by_status": "Kết quả theo trạng thái",
    "by_outlook": "Kết quả theo xu hướng",
    "by_category": "Tổng hợp theo lĩnh vực",
    "by_agency": "Tổng hợp theo cơ quan chủ trì",
    "by_entity": "Xếp hạng địa phương, đơn vị (kém nhất trước)",
    "targets": "Các chỉ tiêu",
    "contents": "Mục lục",
    "category": "Lĩnh vực",
    "agency": "Cơ quan chủ trì",
    "entity": "Địa phương, đơn vị",
    "target": "Chỉ tiêu",
    "total": "Số kết quả",
    "gate_failing": "Không đạt kiểm tra",
    "status": "Trạng thái",
    "outlook": "Xu hướng",
    "due": "Thời hạn",
    "goal": "Mục tiêu",
    "latest": "Số liệu mới nhất",
    "progress": "Tiến độ",
    "at_this_pace": "Với tốc độ hiện nay",
    "eta_reached": "xu hướng đạt mục tiêu vào tháng {month}",
    "entities": "Địa phương, đơn vị",
    "national": "toàn quốc",
    "uncategorised": "chưa phân loại",
    "unspecified": "chưa xác định",
    "late": "muộn",
    "done": "hoàn thành",
    "not_done": "chưa hoàn thành",
    "no_data": "chưa có số liệu",
    "no_deadline": "không có thời hạn (không bao giờ quá hạn)",
    "days_left": "còn {n} ngày",
    "day_left": "còn 1 ngày",
    "days_ago": "đã quá {n} ngày",
    "day_ago": "đã quá 1 ngày",
    "due_today": "đến hạn hôm nay",
    "source": "Nguồn",
    "said": "Phát biểu ngày {date}",
    "link": "xem nguồn",
    "entity_counts": "{total} địa phương, đơn vị: {counts}",
    "more_entities": "Hiển thị {shown}/{total} địa phương, đơn vị; lệnh dxcheck status --by entity liệt kê đầy đủ.",
    "chart": "Biểu đồ",
    "chart_none": "Chưa có số liệu đến ngày đánh giá: chưa có biểu đồ.",
    "chart_entities": "Số liệu toàn quốc và {shown} địa phương, đơn vị còn xa mục tiêu nhất (trên tổng số {total}).",
    "chart_all_entities": "Số liệu toàn quốc và mọi địa phương, đơn vị có số liệu.",
    "chart_worst": "{shown} địa phương, đơn vị còn xa mục tiêu nhất (trên tổng số {total}); chưa có số liệu toàn quốc.",
    "chart_every_entity": "Mọi địa phương, đơn vị có số liệu; chưa có số liệu toàn quốc.",
    "chart_of": "{title}: số liệu theo thời gian",
    "axis_date": "ngày",
    "axis_value": "giá trị ({unit})",
    "axis_value_plain": "giá trị",
    "axis_milestone": "hoàn thành hay chưa",
    "legend_target": "mục tiêu {level}",
    "legend_due": "thời hạn",
    "legend_trend": "đường xu hướng ({method})",
    "legend_projection": "dự báo đến thời hạn",
    "legend_baseline": "giá trị cơ sở (danh mục)",
    "linear": "tuyến tính",
    "compound": "tăng trưởng kép",
    "numbers": "Số liệu của biểu đồ",
    "series": "Chuỗi số liệu",
    "first": "Đầu tiên",
    "observations": "Số lần báo cáo",
    "projected": "Dự báo đến thời hạn",
    "projected_text": "dự báo {value} vào ngày {date}",
    "desc_series": "{name}: {count} lần báo cáo từ {first} đến {last}, mới nhất {latest}",
    "desc_series_one": "{name}: một lần báo cáo ngày {first}, {latest}",
    "filter": "Lọc",
    "filter_hint": "tên hoặc trạng thái",
    "show_status": "Hiển thị chỉ tiêu",
    "all": "tất cả",
    "superseded": "Chỉ tiêu đã được điều chỉnh",
    "superseded_item": "{id}: được điều chỉnh thành {by} ngày {date}",
    "warnings": "Cảnh báo",
    "footer": "Danh mục: {catalog}. Dữ liệu: {inputs}. Tạo bởi dxcheck {version}.",
    "none": "không có",
    "catalog_language": "Trích dẫn và cơ quan chủ trì được giữ nguyên như trong danh mục (tên chỉ tiêu bằng tiếng Việt khi danh mục có).",
    "problems_title": "dxcheck: lỗi trong dữ liệu đầu vào",
    "validation_passed": "Kiểm tra dữ liệu: ĐẠT",
    "validation_failed": "Kiểm tra dữ liệu: KHÔNG ĐẠT",
    "checked": "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo.",
    "location": "Vị trí",
    "code": "Mã",
    "severity": "Mức độ",
    "message": "Nội dung",
    "hint": "Gợi ý",
    "error": "lỗi",
    "warning": "cảnh báo",
    # --- terminal tables (dxcheck status, targets, deadlines, diff, --by) ---
    "h_status": "trạng thái",
    "h_target": "chỉ tiêu",
    "h_entity": "địa phương",
    "h_due": "thời hạn",
    "h_when": "còn lại",
    "h_latest": "mới nhất",
    "h_goal": "mục tiêu",
    "h_progress": "tiến độ",
    "h_outlook": "xu hướng",
    "h_eta": "dự kiến đạt",
    "h_title": "tên chỉ tiêu",
    "h_category": "lĩnh vực",
    "h_deadline": "hạn theo phát biểu",
    "h_agency": "cơ quan chủ trì",
    "h_change": "thay đổi",
    "h_total": "tổng",
    "h_failing": "không qua",
    "h_results": "số kết quả",
    "s_agency": "chủ trì",
    "s_due": "thời hạn",
    "s_goal": "mục tiêu",
    "s_versions": "phiên bản",
    "s_this": "bản này",
    "s_source": "nguồn",
    "s_speech": "phát biểu",
    "s_quote": "trích dẫn",
    "s_head": "{name}: {status}, xu hướng {outlook}",
    "s_latest": "mới nhất {latest}; mục tiêu {goal}; tiến độ {progress}",
    "s_rates": "tốc độ hiện nay {current}; tốc độ cần có {required}",
    "s_points_a_month": "{value} điểm phần trăm mỗi tháng",
    "s_a_month": "{value} mỗi tháng",
    "s_projected": "dự báo {value} vào ngày {date} theo đường {method}{ratio}",
    "s_open_sdg": "tiến độ open-sdg {ratio} (tăng trưởng hằng năm thực tế so với mức cần có; "
    "0,95 đúng tiến độ, 0,60 cần đẩy nhanh, 0 chậm tiến độ)",
    "s_pace": "với tốc độ hiện nay: {month} (đường xu hướng đạt mục tiêu ngày {date})",
    "s_pace_now": "với tốc độ hiện nay: {month} (đường xu hướng đã đạt mục tiêu, số liệu mới nhất thì chưa)",
    "s_pace_never": "với tốc độ hiện nay: chưa đạt trước năm 2100 (đường xu hướng đi ngang, đi xa dần hoặc đến muộn hơn)",
    "s_observations": "các lần báo cáo",
    "t_category": "lĩnh vực",
    "md_diff_title": "Tiến độ từ {start} đến {end}",
    "r_line": "{status}, xu hướng {outlook}: mới nhất {latest}, mục tiêu {goal}, {when}",
    "r_due": "hạn {date} ({days})",
    "r_source": "nguồn: {source}",
    "j_read_from": "đọc từ",
    "said_sample": "không có tệp CSV: dùng dữ liệu mẫu (nguồn: dxcheck show TARGET)",
    "said_no_report": "không có báo cáo: hãy sửa các lỗi nêu trên (mã thoát 2)",
    "said_wrote": "đã ghi {path}",
    "said_interrupted": "đã dừng theo yêu cầu",
    "said_internal_error": "lỗi nội bộ: {error}",
    "said_bug": "đây là lỗi của dxcheck; đặt DXCHECK_DEBUG=1 để xem chi tiết, và xin hãy báo lại",
    "v_line": "kiểm tra dữ liệu {verdict}: đã kiểm tra {files} tệp, {found}",
    "v_passed": "ĐẠT",
    "v_failed": "KHÔNG ĐẠT",
    "v_found": "{errors} lỗi, {warnings} cảnh báo",
    "v_none": "không có vấn đề nào",
    # --- dxcheck coverage ---
    "cov_nation": "Toàn quốc",
    "cov_national": "toàn quốc",
    "cov_late": "{subject} đã báo cáo {target} kỳ {period} muộn (hạn {due})",
    "cov_missing": "{subject} chưa báo cáo {target} kỳ {period} (hạn {due})",
    "cov_in_a_row": "; {count} kỳ liên tiếp, từ kỳ {since}",
    "cov_since": "{count} (từ kỳ {since})",
    "cov_summary": "{count} báo cáo phải nộp tính đến ngày {date}: {parts}. Kiểm tra (không đạt khi có missing): {verdict}.",
    "cov_passed": "ĐẠT",
    "cov_failed": "KHÔNG ĐẠT ({count})",
    "cov_none_due": "Chưa có báo cáo nào đến hạn.",
    "cov_h_entity": "địa phương",
    "cov_h_state": "tình trạng",
    "cov_h_target": "chỉ tiêu",
    "cov_h_period": "kỳ",
    "cov_h_due": "hạn nộp",
    "cov_h_missed": "số kỳ bỏ lỡ liên tiếp",
    "cov_reported": "đã báo cáo",
    "cov_late_word": "báo cáo muộn",
    "cov_missing_word": "chưa báo cáo",
    "md_no_changes": "Không có thay đổi nào.",
    "c_observed": "số liệu",
    "c_target": "mục tiêu",
    "c_projection": "dự báo",
    "c_due": "thời hạn",
    "t_deadline": "thời hạn",
    "t_baseline": "giá trị gốc",
    "t_on": "{value} ngày {date}",
    "t_projection": "dự báo",
    "t_file": "tệp",
    "t_url": "địa chỉ",
    "t_note": "ghi chú",
    "md_gate_passed": "✅ **Kiểm tra: ĐẠT** tính đến ngày {date}: không có kết quả nào thuộc diện không đạt (không đạt khi có: {words}).",
    "md_gate_failed": "❌ **Kiểm tra: KHÔNG ĐẠT** tính đến ngày {date}: {failing}/{total} kết quả thuộc diện không đạt (không đạt khi có: {words}).",
    "md_superseded": "đã được điều chỉnh: {id} (thành {by} ngày {date})",
    "md_footer": "Danh mục: {catalog}. Dữ liệu: {inputs}.",
    "results_as_of": "{count} kết quả tính đến ngày {date}: {parts}.",
    "gate_line": "Kiểm tra (không đạt khi có {words}): {verdict}.",
    "gate_ok": "ĐẠT",
    "gate_bad": "KHÔNG ĐẠT ({count})",
    "failing_section": "Không đạt kiểm tra, kém nhất trước: {count}",
    "others_section": "Các kết quả còn lại: {count}",
    "no_results": "Không có kết quả nào khớp với lựa chọn.",
    "next_show": "Tiếp theo, kết quả kém nhất",
    "next_entity": "Đơn vị không đạt nhiều nhất",
    "superseded_line": "đã được điều chỉnh: {ids} (lệnh dxcheck targets ID cho xem từng phiên bản)",
    "targets_footer": "{count} chỉ tiêu trong {path}. Xem đầy đủ một chỉ tiêu: dxcheck targets ID",
    "no_deadlines": "Không có thời hạn nào khớp.",
    "no_changes": "Không có thay đổi nào từ {start} đến {end}.",
    "changes_footer": "{count} thay đổi từ {start} đến {end}.",
    "groups_footer": "{count} nhóm theo {by}, tính đến ngày {date}.",
    "milestone": "mốc hoàn thành",
    "no_deadline_short": "không có hạn",
    "more_groups": "... và {count} địa phương, đơn vị khác (dxcheck status --by entity)",
    "worst_shown": "{shown} kết quả không đạt kiểm tra kém nhất, trên tổng số {count}:",
    "see_all": "Tổng cộng {count} kết quả: --all liệt kê tất cả tại đây; --format json, csv hoặc jsonl, "
    "hoặc chuyển qua pipe, để đưa cho công cụ khác; --entity hoặc --category để thu hẹp lựa chọn.",
}

_STATUS: Final[dict[str, dict[Status, str]]] = {
    "en": {s: s.value for s in Status},
    "vi": {
        Status.PASS: "đạt",
        Status.FAIL: "không đạt",
        Status.OVERDUE: "quá hạn",
        Status.PENDING: "chưa đến hạn",
    },
}

_OUTLOOK: Final[dict[str, dict[Outlook, str]]] = {
    "en": {o: o.value.replace("_", " ") for o in Outlook},
    "vi": {
        Outlook.MET: "đã đạt",
        Outlook.MET_LATE: "đạt muộn",
        Outlook.MISSED: "không hoàn thành",
        Outlook.ON_TRACK: "đúng tiến độ",
        Outlook.NEEDS_ACCELERATION: "cần đẩy nhanh",
        Outlook.OFF_TRACK: "chậm tiến độ",
        Outlook.REGRESSING: "đi lùi",
        Outlook.INSUFFICIENT_DATA: "chưa đủ dữ liệu",
    },
}

# The bundled catalog's categories (slugs); another catalog's show as written.
_CATEGORIES: Final[dict[str, dict[str, str]]] = {
    "en": {},
    "vi": {
        "digital-government": "Chính phủ số",
        "digital-economy": "Kinh tế số",
        "digital-society": "Xã hội số",
        "infrastructure": "Hạ tầng số",
        "data": "Dữ liệu",
        "human-resources": "Nguồn nhân lực",
        "security": "An ninh, an toàn",
        "cybersecurity": "An ninh mạng",
        "science-technology": "Khoa học, công nghệ",
        "institutions": "Thể chế",
    },
}

# ``dxcheck diff``'s changes (timeline.Change values).
_CHANGES: Final[dict[str, dict[str, str]]] = {
    "en": {},
    "vi": {
        "newly_passed": "mới đạt",
        "newly_failed": "mới không đạt",
        "newly_overdue": "mới quá hạn",
        "status_changed": "đổi trạng thái",
        "outlook_changed": "đổi xu hướng",
        "regressed": "đi lùi",
        "improved": "tiến bộ",
        "new": "mới có",
        "gone": "không còn",
    },
}

_LABELS: Final = {"en": _EN, "vi": _VI}


class Words:
    """The report's words in one language (``en`` or ``vi``)."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r} (one of {', '.join(LANGUAGES)})")
        self.lang = lang
        self._labels = _LABELS[lang]
        # What results say of their target (``of_target``), made once per target: a
        # commune-scale report has thousands of results a target. Keyed by the target
        # object's id, kept alive beside the text so that the id stays its own.
        self._target_words: dict[tuple[str, int, int | None], tuple[object, str]] = {}
        # A latest value's parts, said once (``latest``): a commune-scale report has
        # 132,000 results and a few hundred dates and values in them.
        self._readings: dict[tuple[object, object, float], str] = {}
        self._days: dict[date, str] = {}

    def __call__(self, key: str, **args: object) -> str:
        return self._labels[key].format(**args)

    def template(self, key: str) -> str:
        """The text ``self(key, ...)`` formats, with its ``{fields}``."""
        return self._labels[key]

    def status(self, status: Status, late: bool = False) -> str:
        word = _STATUS[self.lang][status]
        return f"{word} ({self('late')})" if late else word

    def outlook(self, outlook: Outlook) -> str:
        return _OUTLOOK[self.lang][outlook]

    def change(self, change: str) -> str:
        """A ``dxcheck diff`` change (``newly_passed``) as a person reads it."""
        return _CHANGES[self.lang].get(change) or change.replace("_", " ")

    def category(self, slug: str | None) -> str:
        if slug is None:
            return self("uncategorised")
        return _CATEGORIES[self.lang].get(slug) or slug.replace("-", " ")

    def method(self, method: str | None) -> str:
        """``linear``, ``compound`` (vi: ``tuyến tính``, ``tăng trưởng kép``), ``open-sdg``."""
        if method in ("linear", "compound"):
            return self(method)
        return method or ""

    def decimals(self, value: float, places: int = 2) -> str:
        """``1.00`` (vi: ``1,00``): a ratio with a fixed number of decimals."""
        shown = f"{value:.{places}f}"
        return shown.translate(_VI_DIGITS) if self.lang == "vi" else shown

    def number(self, value: float | None) -> str:
        shown = number(value)
        return shown.translate(_VI_DIGITS) if self.lang == "vi" else shown

    def compact(self, value: float) -> str:
        """A number for an axis, at most about five characters: 25M, 12.5k (vi: 25 tr, 12,5 N)."""
        for least, size, en, vi in ((1e9, 1e9, "B", " tỷ"), (1e6, 1e6, "M", " tr"), (1e4, 1e3, "k", " N")):
            if abs(value) >= least:
                return self.number(round(value / size, 2)) + (vi if self.lang == "vi" else en)
        return self.number(value)

    def value(self, value: float | None, unit: str | None) -> str:
        shown = self.number(value)
        if value is None or not unit:
            return shown
        return f"{shown}%" if unit == "percent" else f"{shown} {unit}"

    def day(self, day: date) -> str:
        return day.strftime("%d/%m/%Y") if self.lang == "vi" else day.isoformat()

    def month(self, day: date) -> str:
        return day.strftime("%m/%Y") if self.lang == "vi" else day.strftime("%Y-%m")

    def days_left(self, days: int | None) -> str:
        if days is None:
            return self("no_deadline")
        if days == 0:
            return self("due_today")
        if abs(days) == 1:
            return self("day_left" if days > 0 else "day_ago")
        return self("days_left" if days > 0 else "days_ago", n=self.number(abs(days)))

    def level(self, result: Result, *, ascii_signs: bool = False) -> str:
        """``≥ 80%``; ``>= 80%`` with ``ascii_signs`` (terminals, logs, markdown)."""
        target = result.target
        if target.type.value == "milestone":
            return self("done")
        at_most = target.direction.value == "at_most"
        sign = ("<=" if at_most else ">=") if ascii_signs else ("≤" if at_most else "≥")
        return f"{sign} {self.value(target.target, target.unit)}"

    def counts(self, report: Report) -> str:
        """``67 results as of 2026-12-01: 14 pass, 7 fail, 24 overdue, 22 pending.``"""
        counts = report.summary
        parts = ", ".join(f"{self.number(counts[s.value])} {self.status(s)}" for s in Status)
        return self(
            "results_as_of", count=self.number(len(report.results)), date=self.day(report.as_of), parts=parts
        )

    def gate(self, report: Report) -> str:
        """``Gate (fail on fail,overdue): FAILED (3).``: the verdict behind the exit code."""
        failing = self.number(len(report.failing))
        verdict = self("gate_ok") if report.gate_passed else self("gate_bad", count=failing)
        return self("gate_line", words=",".join(sorted(report.fail_on)) or "nothing", verdict=verdict)

    def group(self, name: str, by: str) -> str:
        """A scoreboard group's name (``timeline.scoreboard``, grouped ``by`` entity,
        category, agency or target) as a person reads it: the nation, a category and the
        groups with no name are said in the language."""
        if by == "category":
            return self.category(None if name == "uncategorised" else name)
        if by == "entity" and name == "national":
            return self("national")
        if by == "agency" and name == "unspecified":
            return self("unspecified")
        return printable(name)

    def result_line(self, result: Result) -> str:
        """One sentence a result, for CI annotations and test reports:
        ``fail, outlook missed: latest 70% (2025-06-30), goal >= 80%, due 2025-12-31 (15 days ago)``."""
        goal, when = self.goal_and_when(result)
        return self(
            "r_line",
            status=self.status(result.status, result.late),
            outlook=self.outlook(result.trend.outlook),
            latest=self.latest(result),
            goal=goal,
            when=when,
        )

    def goal_and_when(self, result: Result) -> tuple[str, str]:
        """``>= 80%`` and ``due 2025-12-31 (15 days ago)``, said once per target."""
        return self.of_target(result, "goal", _goal), self.of_target(result, "when", _when)

    def of_target(self, result: Result, what: str, say: Callable[[Words, Result], str]) -> str:
        """``say(self, result)``, made once for all the results of a target in one report:
        it may use the target and ``days_left`` (which comes from the due and as-of dates),
        nothing else of the result. ``what`` names the text among the target's."""
        target = result.target
        key = (what, id(target), result.days_left)
        known = self._target_words.get(key)
        if known is not None and known[0] is target:
            return known[1]
        text = say(self, result)
        self._target_words[key] = (target, text)
        return text

    def reading(self, result: Result, value: float) -> str:
        """One observed value as the target counts it (a milestone: done / not done)."""
        if result.target.type.value == "milestone":
            return self("done" if value >= 1 else "not_done")
        return self.value(value, result.target.unit)

    def latest(self, result: Result) -> str:
        """``70% (2025-06-30)``: the latest value as the target counts it, and its date."""
        parts = self.latest_parts(result)
        return self("no_data") if parts is None else f"{parts[0]} ({parts[1]})"

    def latest_parts(self, result: Result) -> tuple[str, str] | None:
        """The reading and the date of ``latest`` (None: no data), each said once."""
        latest = result.latest
        if latest is None:
            return None
        target = result.target
        key = (target.unit, target.type, latest.value)
        reading = self._readings.get(key)
        if reading is None:
            reading = self._readings[key] = self.reading(result, latest.value)
        day = self._days.get(latest.date)
        if day is None:
            day = self._days[latest.date] = self.day(latest.date)
        return reading, day

    def percent(self, fraction: float | None, *, none: str = DASH) -> str:
        """Whole percent, rounded down short of the target: 99.9% never reads 100%."""
        return none if fraction is None else f"{self.number(hundredths(fraction))}%"


def _goal(w: Words, result: Result) -> str:
    return w.level(result, ascii_signs=True)


def _when(w: Words, result: Result) -> str:
    due = result.target.due
    if due is None:
        return w("no_deadline_short")
    return w("r_due", date=w.day(due), days=w.days_left(result.days_left))


_VI_DIGITS = str.maketrans({",": ".", ".": ","})


BAR_WIDTH: Final = 8


def hundredths(fraction: float) -> int:
    """Whole percent; rounded down short of the target, so 99.9% never reads 100%."""
    return int(fraction * 100) if 0 <= fraction < 1 else round(fraction * 100)


def bar(fraction: float | None, *, fancy: bool, words: Words) -> str:
    """``######.. 79%``: full only when the target is reached (76 of 80 is 7 of 8); the
    share written as ``words`` write it (1.032% in Vietnamese)."""
    if fraction is None:
        return "-"
    shown = max(0.0, min(1.0, fraction))
    filled = int(shown * BAR_WIDTH) if shown < 1.0 else BAR_WIDTH
    full, empty = ("█", "░") if fancy else ("#", ".")
    return f"{full * filled}{empty * (BAR_WIDTH - filled)} {words.percent(fraction)}"


def summary_line(report: Report, lang: str = "en") -> str:
    """The counts and the gate's verdict on one line (CI logs), in ``lang``."""
    w = Words(lang)
    return f"{w.counts(report)} {w.gate(report)}"


def verdict_line(problems: ProblemReport, lang: str = "en") -> str:
    """``validation failed: 2 file(s) checked, 1 error(s), 0 warning(s)`` in ``lang``."""
    w = Words(lang)
    found = (
        w("v_found", errors=problems.errors, warnings=problems.warnings) if problems.findings else w("v_none")
    )
    verdict = w("v_passed") if problems.passed else w("v_failed")
    return w("v_line", verdict=verdict, files=len(problems.files), found=found)
