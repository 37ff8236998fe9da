"""Vietnamese for ``--help`` (``--lang vi``, DXCHECK_LANG=vi, ``lang = "vi"``): applied by
``cli_help`` only when help is asked for in Vietnamese.

``HELP``: each paragraph of a command's help and each option's and argument's help,
keyed by its English on one line (as ``cli_help.key`` writes it). The examples' command
lines are not here: they stay as they are typed. ``CLICK``: the fixed words click lays the
help out with. tests/test_help.py walks every command and option and checks that each
text has its translation here, and that none is left over.

The words are the report's (formats/lexicon.py) and the messages' (messages_vi.py):
"chỉ tiêu" a target, "danh mục chỉ tiêu" the catalog, "địa phương, đơn vị" an entity,
"hạn"/"thời hạn" a deadline, "ngày chốt số liệu" the as-of date, "kiểm tra" the gate,
"xu hướng" an outlook. Option names, metavars, choices, statuses typed on the command
line (``--fail-on overdue``) and file names stay as written. NFC.
"""

from __future__ import annotations

from dxcheck.cli_options import FORMAT_LIST, GATE_WORD_LIST
from dxcheck.formats import TERMINAL_LIMIT

HELP: dict[str, str] = {
    # --- dxcheck (the root command) ---
    "Check Vietnam's digital-transformation progress against the Prime Minister's targets.": (
        "Kiểm tra tiến độ chuyển đổi số của Việt Nam so với các chỉ tiêu do Thủ tướng Chính phủ đặt ra."
    ),
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Read defaults for long options from PATH (default: dxcheck.toml or [tool.dxcheck] "
    "in pyproject.toml, here or in a parent folder).": (
        "Đọc giá trị mặc định của các tuỳ chọn dài từ PATH (mặc định: dxcheck.toml hoặc "
        "[tool.dxcheck] trong pyproject.toml, ở thư mục hiện tại hoặc một thư mục cha)."
    ),
    "Ignore any configuration file (and DXCHECK_LANG).": "Bỏ qua mọi tệp cấu hình (và cả DXCHECK_LANG).",
    # typer's own options
    "Install completion for the current shell.": "Cài đặt tự hoàn thành lệnh cho shell đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Hiện mã tự hoàn thành lệnh cho shell đang dùng, để sao chép hoặc tự điều chỉnh cách cài đặt."
    ),
    # --- every command ---
    "Examples:": "Ví dụ:",
    # --- options shared by several commands (cli_options) ---
    "Progress CSV files ('-' reads standard input). None: the bundled sample.": (
        "Các tệp CSV tiến độ ('-' đọc từ đầu vào chuẩn). Không nêu tệp nào: dùng dữ liệu mẫu đi kèm."
    ),
    "Catalog file. Default: ./targets.yaml if present, else the bundled one.": (
        "Tệp danh mục chỉ tiêu. Mặc định: ./targets.yaml nếu có, nếu không thì danh mục đi kèm."
    ),
    "Evaluate on this date (YYYY-MM-DD). Default: today.": (
        "Đánh giá tính đến ngày này (YYYY-MM-DD). Mặc định: hôm nay."
    ),
    "Output format on stdout: "
    + FORMAT_LIST
    + ". Default: table (under GitHub Actions, with annotations).": (
        "Định dạng kết quả in ra stdout: " + FORMAT_LIST + ". Mặc định: table (khi chạy trong "
        "GitHub Actions thì kèm chú thích trên GitHub)."
    ),
    "Output format on stdout.": "Định dạng kết quả in ra stdout.",
    "Also write FORMAT:PATH (repeatable), e.g. junit:out/dx.xml.": (
        "Ghi thêm báo cáo FORMAT:PATH (lặp lại được), ví dụ junit:out/dx.xml."
    ),
    "Also write FORMAT:PATH (repeatable), e.g. markdown:coverage.md.": (
        "Ghi thêm báo cáo FORMAT:PATH (lặp lại được), ví dụ markdown:coverage.md."
    ),
    "Write to FILE instead of stdout.": "Ghi ra FILE thay vì stdout.",
    "Read a/b/yyyy dates as day-first (dmy) or month-first (mdy).": (
        "Đọc ngày dạng a/b/yyyy theo thứ tự ngày trước (dmy) hoặc tháng trước (mdy)."
    ),
    "Decimal mark of the CSVs: comma (Vietnamese: 12.500 is twelve thousand five hundred) "
    "or dot. Default: each file settles it; an ambiguous number is refused.": (
        "Dấu thập phân của các tệp CSV: comma (dấu phẩy, như cách viết ở Việt Nam: 12.500 là "
        "mười hai nghìn năm trăm) hoặc dot (dấu chấm). Mặc định: mỗi tệp tự xác định; số "
        "có thể hiểu theo hai cách sẽ bị từ chối."
    ),
    "Treat warnings as errors.": "Coi cảnh báo là lỗi.",
    "Report everything, exit 0 for a failed gate or bad input (2 stays for usage errors).": (
        "Vẫn báo cáo đầy đủ nhưng thoát với mã 0 khi không đạt kiểm tra hoặc dữ liệu đầu vào "
        "có lỗi (lỗi cách dùng lệnh vẫn là mã 2)."
    ),
    "Language of what people read: en or vi (also DXCHECK_LANG or the config's lang).": (
        "Ngôn ngữ của phần dành cho người đọc: en hoặc vi (hoặc DXCHECK_LANG, hay lang trong tệp cấu hình)."
    ),
    "No colours (also: NO_COLOR=1).": "Không dùng màu (hoặc đặt NO_COLOR=1).",
    "Only the summary (and errors).": "Chỉ in dòng tóm tắt (và các lỗi).",
    "Target id or glob (repeatable).": "Mã chỉ tiêu hoặc mẫu glob (lặp lại được).",
    "Category (repeatable).": "Lĩnh vực (lặp lại được).",
    "Agency, part of its name (repeatable).": "Cơ quan chủ trì, chỉ cần một phần tên (lặp lại được).",
    "Entity name, or 'national' (repeatable).": (
        "Tên địa phương, đơn vị, hoặc 'national' cho số liệu toàn quốc (lặp lại được)."
    ),
    "Only targets due on or before DATE.": "Chỉ các chỉ tiêu có hạn vào ngày DATE hoặc trước đó.",
    "Only targets due within e.g. 90d, 6m.": "Chỉ các chỉ tiêu đến hạn trong khoảng, ví dụ 90d, 6m.",
    # --- status ---
    "Where each target stands: pass, fail, overdue or pending, per entity. Exit 0/1/2.": (
        "Tình hình từng chỉ tiêu ở từng địa phương, đơn vị: đạt, không đạt, quá hạn hay chưa "
        "đến hạn. Mã thoát 0/1/2."
    ),
    "Statuses/outlooks that fail the gate (repeatable or comma-separated; default: "
    "fail,overdue; 'none' turns the gate off): " + GATE_WORD_LIST + ".": (
        "Các trạng thái/xu hướng làm kết quả kiểm tra không đạt (lặp lại được hoặc ngăn cách "
        "bằng dấu phẩy; mặc định: fail,overdue; 'none' tắt kiểm tra), ghi bằng từ tiếng Anh: "
        + GATE_WORD_LIST
        + "."
    ),
    "Progress bar on stderr (default: on a terminal).": (
        "Thanh tiến trình trên stderr (mặc định: có khi chạy trên terminal)."
    ),
    "Show only these statuses/outlooks (repeatable): " + GATE_WORD_LIST + ".": (
        "Chỉ hiện các trạng thái/xu hướng này (lặp lại được), ghi bằng từ tiếng Anh: " + GATE_WORD_LIST + "."
    ),
    "A scoreboard: counts per entity, category, agency or target.": (
        "Bảng tổng hợp: số kết quả theo địa phương, đơn vị (entity), lĩnh vực (category), "
        "cơ quan chủ trì (agency) hoặc chỉ tiêu (target)."
    ),
    f"On a terminal, list every result even when there are more than {TERMINAL_LIMIT} "
    "(default: an overview).": (
        f"Trên terminal, liệt kê mọi kết quả kể cả khi có hơn {TERMINAL_LIMIT} kết quả "
        "(mặc định: chỉ in bản tổng quan)."
    ),
    # --- validate ---
    "The submission gate: check the catalog and the CSVs, print every problem. Exit 0 or 2.": (
        "Kiểm tra trước khi nộp: kiểm tra danh mục chỉ tiêu và các tệp CSV, in ra mọi lỗi. Mã thoát 0 hoặc 2."
    ),
    "One line per finding code with its count, most frequent first.": (
        "Mỗi mã một dòng kèm số lần gặp, mã gặp nhiều nhất đứng trước."
    ),
    # --- targets ---
    "List the catalog with resolved due dates, or one target in full with its source.": (
        "Liệt kê danh mục chỉ tiêu với thời hạn đã quy ra ngày, hoặc toàn bộ một chỉ tiêu kèm nguồn."
    ),
    "Show this target in full.": "Hiện đầy đủ chỉ tiêu này.",
    "table or json.": "table hoặc json.",
    # --- show ---
    "Everything about one target: source, versions, status and outlook per entity, every "
    "observation with its file and line, and a chart of the history.": (
        "Mọi thông tin về một chỉ tiêu: nguồn, các phiên bản, trạng thái và xu hướng ở từng "
        "địa phương, đơn vị, mọi lần báo cáo kèm tệp và dòng, và biểu đồ diễn biến."
    ),
    "The target's id.": "Mã chỉ tiêu.",
    # --- deadlines ---
    "What falls due soon and what is already missed, soonest first, with the status of each.": (
        "Những gì sắp đến hạn và những gì đã lỡ hạn, hạn gần nhất trước, kèm trạng thái của từng chỉ tiêu."
    ),
    "Only what falls due within e.g. 90d, 6m, 1y.": "Chỉ những gì đến hạn trong khoảng, ví dụ 90d, 6m, 1y.",
    "Only what is past due and not passed.": "Chỉ những chỉ tiêu đã quá hạn mà chưa đạt.",
    "Output format.": "Định dạng kết quả.",
    # --- diff ---
    "What changed between two as-of dates: newly passed, failed or overdue, outlook "
    "changes, regressions; the content of a weekly or monthly progress note.": (
        "Những gì thay đổi giữa hai ngày chốt số liệu: mới đạt, mới không đạt hoặc mới quá hạn, "
        "đổi xu hướng, đi lùi; nội dung cho một bản tin tiến độ hằng tuần hoặc hằng tháng."
    ),
    "The earlier as-of date (YYYY-MM-DD).": "Ngày chốt số liệu trước (YYYY-MM-DD).",
    "The later as-of date. Default: today.": "Ngày chốt số liệu sau. Mặc định: hôm nay.",
    # --- schema ---
    "JSON Schema for the catalog, a progress row, or the JSON reports.": (
        "JSON Schema của danh mục chỉ tiêu, của một hàng số liệu tiến độ, hoặc của các báo cáo JSON."
    ),
    "Which schema.": "Schema cần in.",
    # --- template ---
    "A CSV to fill in: the header and one row per target in force (unit filled, value blank).": (
        "Biểu mẫu CSV để điền: hàng tiêu đề và mỗi chỉ tiêu còn hiệu lực một hàng (đã điền "
        "đơn vị tính, để trống giá trị)."
    ),
    "One row per target for each entity (repeatable).": (
        "Mỗi chỉ tiêu một hàng cho từng địa phương, đơn vị (lặp lại được)."
    ),
    "Fill the date column with DATE.": "Điền DATE vào cột ngày.",
    "Let -o replace an existing file (it may hold figures filled in by hand).": (
        "Cho phép -o ghi đè tệp đã có (tệp đó có thể chứa số liệu đã điền tay)."
    ),
    # --- validate-catalog ---
    "Check each catalog alone, then the data CSVs against it. Exit 0 or 2.": (
        "Kiểm tra riêng từng danh mục chỉ tiêu, rồi kiểm tra các tệp CSV số liệu theo danh mục "
        "đó. Mã thoát 0 hoặc 2."
    ),
    "Catalog files (targets.yaml), each checked alone.": (
        "Các tệp danh mục chỉ tiêu (targets.yaml), mỗi tệp được kiểm tra riêng."
    ),
    "CSVs (or globs) to check against each catalog (repeatable). Default: the CSVs git "
    "tracks in the catalog's folder and below.": (
        "Các tệp CSV (hoặc mẫu glob) cần kiểm tra theo từng danh mục (lặp lại được). Mặc định: "
        "các tệp CSV do git theo dõi trong thư mục của danh mục và các thư mục con."
    ),
    # --- config ---
    "The settings in effect (dxcheck.toml or [tool.dxcheck] in pyproject.toml, and "
    "DXCHECK_LANG) and where each came from; a command-line option always wins over them.": (
        "Các thiết lập đang có hiệu lực (dxcheck.toml hoặc [tool.dxcheck] trong pyproject.toml, "
        "và DXCHECK_LANG) cùng nơi đặt từng thiết lập; tuỳ chọn trên dòng lệnh luôn được ưu tiên."
    ),
    # --- explain ---
    "What a finding code means, an example of the problem, and how to fix it.": (
        "Ý nghĩa của một mã lỗi hay cảnh báo, ví dụ về vấn đề và cách xử lý."
    ),
    "A finding code, e.g. DX213. None: list every code.": (
        "Một mã, ví dụ DX213. Không nêu mã: liệt kê mọi mã."
    ),
    "Every code as a Markdown table: the README's in English, in Vietnamese with --lang vi.": (
        "Mọi mã dưới dạng bảng Markdown: bảng tiếng Anh như trong README, bảng tiếng Việt với --lang vi."
    ),
    # --- coverage ---
    "Who has not reported: the latest period due of every target with 'reporting', per "
    "expected entity, reported, late or missing. Exit 1 when one is missing.": (
        "Ai chưa báo cáo: kỳ đến hạn gần nhất của mọi chỉ tiêu có 'reporting', theo từng địa "
        "phương, đơn vị phải báo cáo: đã báo cáo, báo cáo muộn hay chưa báo cáo. Mã thoát 1 "
        "khi còn đơn vị chưa báo cáo."
    ),
}

# Click's fixed words: the usage line's prefix, the section headings, the help option's
# own line and the notes after an option's help ("[default: en]", "[required]").
CLICK: dict[str, str] = {
    "Usage: ": "Cách dùng: ",
    "Arguments": "Đối số",
    "Options": "Tuỳ chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "default: ": "mặc định: ",
    "required": "bắt buộc",
    "env var: ": "biến môi trường: ",
    "Try '{command}' for help.": "Xem '{command}' để biết cách dùng.",
    "Error: ": "Lỗi: ",
}

# Click's usage errors (``cli_help.in_run_language``): each message as click writes it, as
# a pattern, and its Vietnamese; the names, values and choices in it stay as they were
# typed. A message no pattern matches stays English.
USAGE_ERRORS: tuple[tuple[str, str], ...] = (
    (r"No such option: (?P<name>.+?) \(Possible options: (?P<options>.+)\)",
     "không có tuỳ chọn {name} (có phải ý bạn là {options}?)"),
    (r"No such option: (?P<name>.+)", "không có tuỳ chọn {name}"),
    (r"No such command (?P<name>.+?)\. Did you mean (?P<commands>.+)\?",
     "không có lệnh {name}. Có phải ý bạn là {commands}?"),
    (r"No such command (?P<name>.+)\.", "không có lệnh {name}."),
    (r"Missing command\.", "thiếu lệnh."),
    (r"Invalid value for (?P<param>.+?): (?P<value>.+) is not one of (?P<choices>.+)\. \(did you mean (?P<close>.+)\?\)",
     "giá trị không hợp lệ cho {param}: {value} không phải một trong {choices} (có phải ý bạn là {close}?)."),
    (r"Invalid value for (?P<param>.+?): (?P<value>.+) is not one of (?P<choices>.+)\.",
     "giá trị không hợp lệ cho {param}: {value} không phải một trong {choices}."),
    (r"Invalid value for (?P<param>.+?): (?P<value>.+) is not a valid (?P<kind>integer|float)\.",
     "giá trị không hợp lệ cho {param}: {value} không phải một số."),
    (r"Invalid value for (?P<param>.+?): (?P<reason>.+)", "giá trị không hợp lệ cho {param}: {reason}"),
    (r"Missing argument (?P<param>.+)\.", "thiếu đối số {param}."),
    (r"Missing option (?P<param>.+)\.", "thiếu tuỳ chọn {param}."),
    (r"Option (?P<name>.+) requires an argument\.", "tuỳ chọn {name} cần một giá trị."),
    (r"Option (?P<name>.+) requires (?P<count>\d+) arguments\.", "tuỳ chọn {name} cần {count} giá trị."),
    (r"Option (?P<name>.+) does not take a value\.", "tuỳ chọn {name} không nhận giá trị."),
    (r"Got unexpected extra argument\(s\) \((?P<words>.*)\)", "thừa đối số ({words})"),
)  # fmt: skip
