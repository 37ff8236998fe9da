"""Vietnamese for what dxcheck writes about a finding (``--lang vi``).

``CODES``: each code's message template, with exactly the fields of the English one
(``findings.Code``). ``TEXTS``: each hint and each text dxcheck fills into a message
(``i18n.msg``), keyed by its English template. tests/test_i18n.py checks that every code
and every ``msg(...)`` in the source has its translation here, with the same fields.

Written for a provincial data officer: "danh mục chỉ tiêu" is the catalog, "đơn vị báo
cáo" an entity (a province, a ministry), "đơn vị tính" a unit of measure. Codes, option
names, file paths, column names, keys and values stay as they are written. NFC.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # --- catalog (targets.yaml) ---
    "DX100": "không đọc được danh mục chỉ tiêu: {reason}",
    "DX101": "lỗi cú pháp YAML: {reason}",
    "DX102": "khoá '{key}' bị lặp (lần đầu ở dòng {first_line})",
    "DX103": "khoá '{key}' không hợp lệ",
    "DX104": "thiếu khoá bắt buộc '{key}'",
    "DX105": "{reason}",
    "DX106": "mã chỉ tiêu '{id}' bị trùng (lần đầu ở dòng {first_line})",
    "DX107": "chỉ tiêu '{id}': không hiểu cụm thời hạn '{phrase}'",
    "DX108": "chỉ tiêu '{id}': thời hạn '{phrase}' ứng với ngày {resolved}, nhưng due ghi {due}",
    "DX109": "chỉ tiêu '{id}' thay thế (supersedes) một chỉ tiêu không có trong danh mục: '{ref}'",
    "DX110": "danh mục chỉ tiêu vượt giới hạn an toàn: {reason}",
    "DX111": "chỉ tiêu '{id}': {reason}",
    "DX112": "chuỗi supersedes của '{id}' vòng trở lại chính nó",
    "DX113": "chỉ tiêu '{id}': đơn vị báo cáo '{name}' không có trong danh sách entities của danh mục",
    "DX114": "sự kiện '{name}' được liệt kê hai lần (lần đầu ở dòng {first_line})",
    # --- progress CSV: file level ---
    "DX200": "không đọc được tệp đầu vào: {reason}",
    "DX201": "{reason}",
    "DX202": "{reason}",
    "DX203": "thiếu cột bắt buộc '{column}'",
    "DX204": "cột '{column}' xuất hiện hai lần (cột thứ {first} và thứ {second})",
    "DX205": "cột không xác định '{column}' bị bỏ qua",
    "DX206": "CSV sai định dạng: {reason}",
    "DX207": "hàng có {found} ô, trong khi hàng tiêu đề có {expected} cột",
    "DX208": "tệp có hàng tiêu đề nhưng không có hàng dữ liệu nào",
    "DX209": "bỏ qua {count} hàng chưa có giá trị, coi như chưa báo cáo (hàng đầu tiên: {first})",
    # --- progress CSV: cell level ---
    "DX210": "mã chỉ tiêu '{text}' không có trong danh mục",
    "DX211": "ngày '{text}' không hợp lệ: {reason}",
    "DX212": "ngày '{text}' không rõ: ngày và tháng có thể đảo chỗ cho nhau",
    "DX213": "số '{text}' không hợp lệ cho chỉ tiêu định lượng '{target}'{reason}",
    "DX214": "giá trị mốc '{text}' không hợp lệ cho chỉ tiêu '{target}'",
    "DX215": "đơn vị tính '{text}' mâu thuẫn với chỉ tiêu '{target}', vốn tính bằng '{unit}'",
    "DX216": "số liệu mâu thuẫn cho chỉ tiêu '{target}', đơn vị báo cáo '{entity}', ngày {date}: {values}",
    "DX217": "số liệu của chỉ tiêu '{target}', đơn vị báo cáo '{entity}', ngày {date} lặp lại tại {others}",
    "DX218": "bỏ qua {count} hàng có ngày sau ngày chốt số liệu {as_of} (hàng đầu tiên: {first})",
    "DX219": "ô bắt buộc '{column}' đang để trống",
    "DX220": "giá trị {text} nằm ngoài khoảng của tỷ lệ phần trăm (0 đến 100)",
    "DX223": "đơn vị báo cáo '{text}' không có trong danh sách đơn vị của danh mục",
    "DX224": (
        "giá trị {text} của chỉ tiêu '{target}' ngày {date} mâu thuẫn với giá trị gốc (baseline) "
        "trong danh mục ({baseline} vào ngày đó)"
    ),
    "DX225": "đơn vị báo cáo '{text}' được viết không dấu, giống {other}: sẽ được tính là một đơn vị khác",
    "DX226": "đơn vị cũ '{text}' có {count} hàng ghi ngày từ khi sáp nhập trở đi (mới nhất: {latest})",
    "DX230": "còn {count} vấn đề khác trong tệp này không được hiển thị",
    # --- invocation ---
    "DX300": "tệp đầu vào được nêu nhiều lần; chỉ đọc một lần",
    "DX301": "không ghi được báo cáo: {reason}",
    "DX302": "không ghi đè lên {what}",
    "DX303": "không có tệp nào khớp với '{pattern}'",
    "DX304": "không thay thế tệp đã có",
    "DX305": "khoá '{key}' trong tệp cấu hình không hợp lệ",
    "DX306": "cấu hình '{key}': {reason}",
}

# What a human-readable output writes around a finding.
LABELS: dict[str, str] = {
    "error": "lỗi",
    "warning": "cảnh báo",
    "cell": "ô",
    "hint": "gợi ý",
}

TEXTS: dict[str, str] = {
    # --- where a cell is, as a spreadsheet names it ---
    'row {row}, column "{header}", {letter}': 'hàng {row}, cột "{header}", {letter}',
    # --- shared ---
    "did you mean '{match}'?": "có phải ý bạn là '{match}'?",
    "one of {words}": "một trong: {words}",
    "it is a directory": "đây là một thư mục",
    "no such file": "không có tệp này",
    "permission denied": "không có quyền truy cập",
    "line {line}": "dòng {line}",
    "{either} or {other}": "{either} hoặc {other}",
    # --- cells: dates ---
    "write dates as YYYY-MM-DD, e.g. 2025-06-20": "ghi ngày theo dạng YYYY-MM-DD, ví dụ 2025-06-20",
    "write dates as YYYY-MM-DD": "ghi ngày theo dạng YYYY-MM-DD",
    "the date is empty": "ô ngày đang để trống",
    "not a date": "không phải là ngày",
    "day and month could be either way": "ngày và tháng có thể đảo chỗ cho nhau",
    "write it as YYYY-MM-DD ({iso} if day first), "
    "or pass --date-order dmy (Vietnamese day/month/year) or --date-order mdy": (
        "ghi ngày theo dạng {iso} (nếu ngày đứng trước), hoặc dùng --date-order dmy "
        "(ngày/tháng/năm như ở Việt Nam) hay --date-order mdy"
    ),
    "looks like a spreadsheet serial number, not a date": "trông như số sê-ri ngày của bảng tính, không phải là ngày",
    "format the column as a date and export YYYY-MM-DD ({raw} would be {date})": (
        "định dạng cột này là ngày rồi xuất ra theo dạng YYYY-MM-DD ({raw} sẽ là ngày {date})"
    ),
    "{date} is outside {first} .. {last}": "{date} nằm ngoài khoảng {first} .. {last}",
    "check the year": "kiểm tra lại năm",
    "no such day ({reason})": "không có ngày này ({reason})",
    "no such time of day ({text})": "không có giờ này ({text})",
    # --- cells: numbers ---
    "write a plain number with '.' as the decimal point and no thousands separator": (
        "ghi số thuần, dùng dấu '.' làm dấu thập phân và không dùng dấu phân cách hàng nghìn"
    ),
    "is not a number": "không phải là số",
    "is not a measured value": "không phải là giá trị đo được",
    "leave out a row with no value; do not write N/A or NaN": (
        "bỏ hàng chưa có giá trị ra khỏi tệp; không ghi N/A hay NaN"
    ),
    "is too large to be a measured value": "quá lớn, không thể là giá trị đo được",
    "is not a finite number": "không phải là số hữu hạn",
    "has a % sign but the target is not measured in percent": (
        "có dấu % nhưng chỉ tiêu không tính theo phần trăm"
    ),
    "has a space inside": "có khoảng trắng ở giữa",
    "could be {thousands} (a dot separating thousands, as in Vietnamese) or {fraction} (a decimal point)": (
        "có thể là {thousands} (dấu chấm phân cách hàng nghìn, như cách viết ở Việt Nam) "
        "hoặc {fraction} (dấu chấm thập phân)"
    ),
    "could be {thousands} (a comma separating thousands) or {fraction} (a decimal comma, as in Vietnamese)": (
        "có thể là {thousands} (dấu phẩy phân cách hàng nghìn) "
        "hoặc {fraction} (dấu phẩy thập phân, như cách viết ở Việt Nam)"
    ),
    "write {thousands} or {fraction}, or declare the file's decimal mark: {declared}": (
        "ghi {thousands} hoặc {fraction}, hoặc khai báo dấu thập phân của tệp: {declared}"
    ),
    "is not a number with a decimal comma ('.' separates thousands: 12.500,5)": (
        "không phải là số viết với dấu phẩy thập phân (dấu '.' phân cách hàng nghìn: 12.500,5)"
    ),
    "is not a number with a decimal point (',' separates thousands: 12,500.5)": (
        "không phải là số viết với dấu chấm thập phân (dấu ',' phân cách hàng nghìn: 12,500.5)"
    ),
    "write it as the rest of the file does, or change --decimal {decimal}": (
        "ghi số theo cùng cách với phần còn lại của tệp, hoặc đổi --decimal {decimal}"
    ),
    ": {reason}": ": {reason}",
    "a share is between 0 and 100 percent": "tỷ lệ phải nằm trong khoảng 0 đến 100 phần trăm",
    # --- cells: milestones ---
    "write 'done' or 'not done'": "ghi 'hoàn thành' hoặc 'chưa hoàn thành' (hay 'done' / 'not done')",
    "is not a milestone value": "không phải là giá trị mốc",
    # --- progress CSV: rows and cells ---
    "quote cells that contain the delimiter, or fix the row's columns": (
        "đặt trong dấu ngoặc kép những ô có chứa dấu phân cách, hoặc sửa lại số cột của hàng"
    ),
    "the catalog's baseline is the trend's point for that date: correct the row or the baseline": (
        "giá trị gốc trong danh mục là điểm của xu hướng vào ngày đó: sửa lại hàng này hoặc giá trị gốc"
    ),
    "run 'dxcheck targets' for the list of ids": "chạy 'dxcheck targets' để xem danh sách mã chỉ tiêu",
    "(no unit: a milestone)": "(không có đơn vị tính: chỉ tiêu dạng mốc)",
    "report '{target}' in {unit}, or leave the unit cell empty": (
        "báo cáo '{target}' theo {unit}, hoặc để trống ô đơn vị tính"
    ),
    "(national)": "(toàn quốc)",
    "{value} at {place}": "{value} tại {place}",
    "keep one row per target, entity and date": "mỗi chỉ tiêu, đơn vị báo cáo và ngày chỉ giữ một hàng",
    "remove the repeated row": "xoá hàng bị lặp",
    "add it to the catalog's entities, with any other spellings as aliases": (
        "thêm đơn vị này vào entities của danh mục, kèm các cách viết khác trong aliases"
    ),
    "did you mean '{name}'? (or add the spelling to its aliases)": (
        "có phải ý bạn là '{name}'? (hoặc thêm cách viết này vào aliases của đơn vị đó)"
    ),
    "did you mean '{name}'? (or add it to the catalog's entities)": (
        "có phải ý bạn là '{name}'? (hoặc thêm đơn vị này vào entities của danh mục)"
    ),
    "'{name}' was merged into '{successor}' on {since}: report it as '{successor}'": (
        "'{name}' đã sáp nhập vào '{successor}' từ ngày {since}: hãy báo cáo với tên '{successor}'"
    ),
    "is {thousands} with the decimal mark this file uses elsewhere ('{used}'): more than any percentage": (
        "là {thousands} theo dấu thập phân tệp này dùng ở chỗ khác ('{used}'): lớn hơn mọi tỷ lệ phần trăm"
    ),
    "write {written} if {fraction}% is meant": "ghi {written} nếu muốn ghi {fraction}%",
    "did you mean {names}? (if they are different places, ignore this warning)": (
        "có phải ý bạn là {names}? (nếu đây là hai nơi khác nhau, hãy bỏ qua cảnh báo này)"
    ),
    "pass --as-of with a later date to include them": "dùng --as-of với một ngày muộn hơn để tính cả các hàng này",
    "fill in the value when the figure is known, or delete the row": (
        "điền giá trị khi đã có số liệu, hoặc xoá hàng này"
    ),
    # --- progress CSV: the header ---
    'a double quote inside a quoted cell is written twice ("")': (
        'dấu ngoặc kép bên trong một ô có ngoặc kép phải được viết hai lần ("")'
    ),
    "a cell is longer than {limit} characters: is this really a progress CSV?": (
        "có ô dài hơn {limit} ký tự: đây có đúng là tệp CSV tiến độ không?"
    ),
    "a quoted cell is not closed: check the double quotes": "có ô mở ngoặc kép mà không đóng: kiểm tra lại dấu ngoặc kép",
    "did you mean '{column}' for column '{raw}'?": "có phải cột '{raw}' là cột '{column}'?",
    "the file is empty: no header row": "tệp trống: không có hàng tiêu đề",
    "the first row names the columns: target,entity,date,value,unit,source": (
        "hàng đầu tiên ghi tên các cột: target,entity,date,value,unit,source"
    ),
    "the first row must be the header: target,entity,date,value,unit,source": (
        "hàng đầu tiên phải là hàng tiêu đề: target,entity,date,value,unit,source"
    ),
    "the header row: {reason}": "hàng tiêu đề: {reason}",
    "remove or rename one of them": "xoá hoặc đổi tên một trong hai cột",
    "known columns: {columns}": "các cột được nhận biết: {columns}",
    "the header is one line of plain column names": "hàng tiêu đề là một dòng gồm các tên cột đơn giản",
    "the header needs {required}; found {found}": "hàng tiêu đề cần có {required}; hiện có {found}",
    "the header needs {required}; found nothing": "hàng tiêu đề cần có {required}; hiện không có cột nào",
    # --- progress CSV: the file ---
    "the file is not valid UTF-8 (byte 0x{byte}; it looks like Windows-1258 or another legacy code page)": (
        "tệp không phải UTF-8 hợp lệ (byte 0x{byte}; có vẻ là Windows-1258 hoặc một bảng mã cũ khác)"
    ),
    "re-export it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8; "
    "LibreOffice: Character set: Unicode (UTF-8))": (
        "xuất lại tệp dưới dạng 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8; "
        "LibreOffice: Character set: Unicode (UTF-8))"
    ),
    "this is a binary file, not a CSV (it contains NUL bytes)": (
        "đây là tệp nhị phân, không phải CSV (có chứa byte NUL)"
    ),
    "export the sheet as CSV; an .xlsx workbook cannot be read directly": (
        "xuất trang tính ra CSV; không đọc trực tiếp được tệp .xlsx"
    ),
    "the file is UTF-16 but not valid UTF-16 ({reason})": "tệp là UTF-16 nhưng không hợp lệ ({reason})",
    "the file looks cut short or damaged: export it again, preferably as 'CSV UTF-8'": (
        "tệp có vẻ bị cắt cụt hoặc hỏng: hãy xuất lại, tốt nhất dưới dạng 'CSV UTF-8'"
    ),
    "give the CSV files, e.g. data/*.csv": "hãy chỉ ra các tệp CSV, ví dụ data/*.csv",
    "check the file's permissions": "kiểm tra quyền truy cập tệp",
    "check the pattern and folder": "kiểm tra lại mẫu tên tệp và thư mục",
    # --- the catalog ---
    "an empty document": "một tài liệu trống",
    "name the targets.yaml file itself": "hãy chỉ ra chính tệp targets.yaml",
    "check the path given to --targets": "kiểm tra đường dẫn truyền cho --targets",
    "{path}: {reason} (got {shown})": "{path}: {reason} (giá trị nhận được: {shown})",
    "the only catalog version is 1: write 'version: 1'": "phiên bản danh mục duy nhất là 1: ghi 'version: 1'",
    "ids, categories and supersedes are lowercase slugs like 'online-public-services'": (
        "id, category và supersedes là chuỗi chữ thường nối bằng gạch ngang, như 'online-public-services'"
    ),
    "write a plain number like 80 or 87.5": "ghi một số thuần như 80 hoặc 87.5",
    "the catalog must be a mapping with 'version' and 'targets', not {kind}": (
        "danh mục phải là một ánh xạ (mapping) có 'version' và 'targets', không phải {kind}"
    ),
    "start the file with 'version: 1' and 'targets:'": "bắt đầu tệp bằng 'version: 1' và 'targets:'",
    "give each target its own id; a restated target links with 'supersedes'": (
        "đặt cho mỗi chỉ tiêu một id riêng; chỉ tiêu được đặt lại thì liên kết bằng 'supersedes'"
    ),
    "none": "không có",
    "no date": "không có ngày",
    "add the deadline phrase the date comes from, or remove 'due'": (
        "thêm cụm thời hạn mà ngày này được suy ra, hoặc bỏ 'due'"
    ),
    "{reason}; write e.g. {examples}": "{reason}; hãy ghi ví dụ {examples}",
    "set 'due: {resolved}', or correct the deadline phrase": "đặt 'due: {resolved}', hoặc sửa lại cụm thời hạn",
    "a numeric target needs 'target' (the level to reach)": "chỉ tiêu định lượng cần có 'target' (mức cần đạt)",
    "add 'target: <number>', or set 'type: milestone'": "thêm 'target: <số>', hoặc đặt 'type: milestone'",
    "a percentage target of {level} is impossible": "mức mục tiêu {level} phần trăm là không thể",
    "'projection: open-sdg' measures progress toward a target year": (
        "'projection: open-sdg' đo tiến độ hướng tới một năm mục tiêu"
    ),
    "give the target a deadline, or remove 'projection: open-sdg'": (
        "đặt thời hạn cho chỉ tiêu, hoặc bỏ 'projection: open-sdg'"
    ),
    "'{key}' is for numeric targets; a milestone is done or not": (
        "'{key}' chỉ dành cho chỉ tiêu định lượng; chỉ tiêu dạng mốc chỉ có hoàn thành hoặc chưa"
    ),
    "remove '{key}', or set 'type: numeric'": "bỏ '{key}', hoặc đặt 'type: numeric'",
    "'direction' is for numeric targets": "'direction' chỉ dành cho chỉ tiêu định lượng",
    "remove 'direction'": "bỏ 'direction'",
    "allowed keys: {keys}": "các khoá được phép: {keys}",
    "name an event from the catalog's 'events' (each with its date and source), or write a date": (
        "nêu tên một sự kiện trong 'events' của danh mục (mỗi sự kiện có ngày và nguồn), hoặc ghi một ngày"
    ),
    "list each event once; deadlines name it by its name": (
        "mỗi sự kiện chỉ liệt kê một lần; các thời hạn gọi sự kiện theo tên của nó"
    ),
    "add it to the catalog's entities": "thêm đơn vị này vào entities của danh mục",
    "list the entities in the catalog's 'entities:' first": "trước hết hãy liệt kê các đơn vị trong 'entities:' của danh mục",
    # --- the catalog's YAML ---
    "file is {size} bytes, the limit is {limit}": "tệp dài {size} byte, giới hạn là {limit}",
    "nested deeper than {depth} levels": "lồng nhau sâu hơn {depth} cấp",
    "more than {count} nodes after expanding aliases": "hơn {count} nút sau khi mở rộng các alias",
    "YAML does not allow tabs for indentation: indent with spaces": (
        "YAML không cho phép thụt lề bằng tab: hãy thụt lề bằng dấu cách"
    ),
    "{path}: '{value}' is not valid: {reason}": "{path}: '{value}' không hợp lệ: {reason}",
    "remove one of the two, or rename it": "xoá một trong hai, hoặc đổi tên",
    "byte 0x{byte} is not valid UTF-8": "byte 0x{byte} không phải UTF-8 hợp lệ",
    "save the catalog as UTF-8": "lưu danh mục với bảng mã UTF-8",
    "key '{key}' is not valid: {reason}": "khoá '{key}' không hợp lệ: {reason}",
    # --- configuration ---
    "takes a path as a string, not {value}": "nhận một đường dẫn dạng chuỗi, không phải {value}",
    "takes a string or a list of strings, not {value}": "nhận một chuỗi hoặc một danh sách chuỗi, không phải {value}",
    "not a TOML file: {reason}": "không phải tệp TOML: {reason}",
    "takes one of {choices}, not {value} ({hint})": "nhận một trong {choices}, không phải {value} ({hint})",
    "unknown status or outlook '{word}' ({hint})": "không có trạng thái hay triển vọng '{word}' ({hint})",
    "the keys are {keys}": "các khoá là {keys}",
    "not a table": "không phải là một bảng",
    # --- outputs ---
    "the catalog": "danh mục chỉ tiêu",
    "an input CSV": "một tệp CSV đầu vào",
    "dxcheck's bundled data": "dữ liệu đi kèm dxcheck",
    "pass --force to replace it": "dùng --force để thay thế",
    "choose another path": "chọn đường dẫn khác",
    "it is {path} under another name: choose another path": "đây chính là {path} dưới tên khác: chọn đường dẫn khác",
    # --- usage errors and notices of the command line ---
    "{option}: {problem} ({hint})": "{option}: {problem} ({hint})",
    "no target matches '{word}'": "không có chỉ tiêu nào khớp với '{word}'",
    "no category matches '{word}'": "không có lĩnh vực nào khớp với '{word}'",
    "no agency matches '{word}'": "không có cơ quan nào khớp với '{word}'",
    "no entity matches '{word}'": "không có địa phương, đơn vị nào khớp với '{word}'",
    "run 'dxcheck targets' for the list": "chạy 'dxcheck targets' để xem danh sách",
    "run 'dxcheck targets' to see the agencies": "chạy 'dxcheck targets' để xem các cơ quan",
    "run 'dxcheck status --by entity' for the list": "chạy 'dxcheck status --by entity' để xem danh sách",
    "one of {names}": "một trong: {names}",
    "the catalog has no categories": "danh mục không có lĩnh vực nào",
    "--status: none of the {count} selected result(s) has status or outlook {words}": (
        "--status: không có kết quả nào trong {count} kết quả đã chọn có trạng thái hoặc xu hướng {words}"
    ),
    "the selection matches no result: {selection} (an empty selection cannot pass the gate)": (
        "lựa chọn không khớp với kết quả nào: {selection} (lựa chọn rỗng không thể đạt kiểm tra)"
    ),
    "the selection matches no result: {selection} (nothing to show)": (
        "lựa chọn không khớp với kết quả nào: {selection} (không có gì để hiển thị)"
    ),
    "the selection matches no expected report: {selection} (an empty selection cannot pass the gate)": (
        "lựa chọn không khớp với báo cáo phải nộp nào: {selection} (lựa chọn rỗng không thể đạt kiểm tra)"
    ),
    "error: {message}": "lỗi: {message}",
    "{option} takes a date as YYYY-MM-DD, not '{text}'": "{option} cần một ngày dạng YYYY-MM-DD, không phải '{text}'",
    "--report takes FORMAT:PATH (e.g. {example}), not '{spec}'": (
        "--report cần dạng FORMAT:PATH (ví dụ {example}), không phải '{spec}'"
    ),
    "--report: unknown format '{name}'{command} (one of {words})": (
        "--report: không có định dạng '{name}'{command} (một trong: {words})"
    ),
    "{option}: unknown status or outlook '{word}' ({hint})": (
        "{option}: không có trạng thái hay xu hướng '{word}' ({hint})"
    ),
    "{option}: {reason}": "{option}: {reason}",
    "no target in force on {as_of} declares 'reporting': nothing to check "
    "(add e.g. 'reporting: {{every: month, due_after: 10}}' to the catalog or a target)": (
        "không có chỉ tiêu nào còn hiệu lực ngày {as_of} khai báo 'reporting': không có gì để kiểm tra "
        "(thêm ví dụ 'reporting: {{every: month, due_after: 10}}' vào danh mục hoặc vào một chỉ tiêu)"
    ),
    "--config: no such file '{path}'": "--config: không có tệp '{path}'",
    "--by supports --format table, json, csv or markdown": "--by dùng được với --format table, json, csv hoặc markdown",
    "--statistics prints a table: leave out --format (--report FORMAT:PATH still writes)": (
        "--statistics in ra một bảng: bỏ --format (--report FORMAT:PATH vẫn ghi báo cáo)"
    ),
    "dxcheck targets supports --format table or json": "dxcheck targets dùng được với --format table hoặc json",
    "dxcheck show supports --format table or json": "dxcheck show dùng được với --format table hoặc json",
    "no target '{id}' in {path} ({hint})": "không có chỉ tiêu '{id}' trong {path} ({hint})",
    "no target '{id}' ({hint})": "không có chỉ tiêu '{id}' ({hint})",
    "--to {to} is before --from {start}": "--to {to} ở trước --from {start}",
    "the selection matches no target in force on {date}: {selection}": (
        "lựa chọn không khớp với chỉ tiêu nào còn hiệu lực ngày {date}: {selection}"
    ),
    "--markdown prints the table of every code: give no CODE": "--markdown in bảng mọi mã: đừng nêu CODE",
    "no finding code '{code}' ({hint})": "không có mã '{code}' ({hint})",
    "did you mean {code}?": "có phải ý bạn là {code}?",
    "run 'dxcheck explain' for the list": "chạy 'dxcheck explain' để xem danh sách mã",
    "no report is due yet on {as_of}: the first periods end later": (
        "chưa có báo cáo nào đến hạn ngày {as_of}: các kỳ đầu tiên kết thúc muộn hơn"
    ),
}
