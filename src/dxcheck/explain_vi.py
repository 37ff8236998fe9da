"""Vietnamese for ``dxcheck explain --lang vi``: each code's meaning, details and fix, and
the first line dxcheck says about the code's example (``codes.EXPLANATIONS``) when it
is run in Vietnamese (tests/test_explain.py runs it and compares).

The words are those of messages_vi.py and the report's lexicon: "danh mục chỉ tiêu" is
the catalog, "đơn vị báo cáo" an entity, "ngày chốt số liệu" the as-of date, "biểu mẫu"
a template. Codes, option names, file names, CSV headers and YAML keys stay as written,
and so do the parts of ``says`` that dxcheck quotes in English from elsewhere (the YAML
parser's reasons, pydantic's, Python's). NFC.

Plain data, like ``codes``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxcheck.findings import Code


@dataclass(frozen=True)
class CodeText:
    """A code's words in one language; ``says``: the first line its example makes
    dxcheck print."""

    meaning: str
    details: str
    fix: str
    says: str


# The explanation page's own words (keys as explain.PAGE_EN).
PAGE: dict[str, str] = {
    "example": "Ví dụ:",
    "what_to_do": "Cách xử lý: {fix}.",
    "saved_as": " (lưu với bảng mã {encoding})",
    "repeat": "... dòng cuối lặp lại thêm {count} lần",
    "empty": "(tệp trống)",
    "footer": "Xem giải thích đầy đủ về một mã: dxcheck explain CODE",
    "table_head": "| mã | mức độ | ý nghĩa | cách xử lý |",
}

EXPLANATIONS: dict[Code, CodeText] = {
    Code.CATALOG_UNREADABLE: CodeText(
        "không đọc được danh mục chỉ tiêu (không có tệp, là thư mục, không phải UTF-8)",
        "Tệp truyền cho --targets (hoặc ./targets.yaml) không tồn tại, là một thư mục, không mở "
        "được hoặc không phải văn bản UTF-8. Khi chưa đọc được danh mục thì chưa kiểm tra được "
        "gì khác.",
        "kiểm tra đường dẫn `--targets`; lưu tệp với bảng mã UTF-8",
        "target.yaml: DX100 lỗi: không đọc được danh mục chỉ tiêu: không có tệp này",
    ),
    Code.YAML_SYNTAX: CodeText(
        "lỗi cú pháp YAML (thụt lề bằng tab, dấu ngoặc chưa đóng)",
        "Danh mục không phải YAML hợp lệ. Nguyên nhân thường gặp là thụt lề bằng tab, dấu ngoặc "
        "hoặc dấu nháy mở mà không đóng, và dấu hai chấm kèm dấu cách nằm trong một giá trị "
        "không đặt trong dấu nháy.",
        "thụt lề bằng dấu cách; sửa dòng được chỉ ra",
        "targets.yaml:3:1: DX101 lỗi: lỗi cú pháp YAML: while scanning for the next token (started at line 3, column 1): found character that cannot start any token",
    ),
    Code.YAML_DUPLICATE_KEY: CodeText(
        "một khoá xuất hiện hai lần trong cùng một ánh xạ (mapping)",
        "Các trình đọc YAML thường lặng lẽ giữ lại khoá đứng sau trong hai khoá trùng nhau; "
        "dxcheck thì từ chối tệp và nêu cả hai dòng, để không giá trị nào bị bỏ đi mà không "
        "được báo.",
        "chỉ giữ lại một",
        "targets.yaml:7:5 (targets[0].target): DX102 lỗi: khoá 'target' bị lặp (lần đầu ở dòng 6)",
    ),
    Code.UNKNOWN_KEY: CodeText(
        "khoá không hợp lệ (danh mục không có khoá này)",
        "Một khoá mà danh mục không định nghĩa, thường do gõ nhầm: nếu lặng lẽ bỏ qua, giá trị "
        "mà khoá đó định đặt sẽ vẫn giữ mặc định mà không ai hay.",
        "dùng khoá được gợi ý",
        "targets.yaml:6:5 (targets[0].taget): DX103 lỗi: khoá 'taget' không hợp lệ",
    ),
    Code.MISSING_KEY: CodeText(
        "thiếu một khoá bắt buộc",
        "Mỗi chỉ tiêu cần có id và title; chỉ tiêu định lượng cần thêm mức cần đạt (`target`).",
        "bổ sung khoá đó",
        "targets.yaml:3:5 (targets[0].title): DX104 lỗi: thiếu khoá bắt buộc 'title'",
    ),
    Code.INVALID_FIELD: CodeText(
        "giá trị sai kiểu hoặc sai dạng",
        "Giá trị không đúng loại: chữ ở chỗ cần số, ngày không ghi theo dạng YYYY-MM-DD, id "
        "không phải chuỗi chữ thường nối bằng gạch ngang, direction khác at_least và at_most.",
        "làm theo gợi ý (số, ngày YYYY-MM-DD, id viết thường nối bằng gạch ngang)",
        "targets.yaml:6:13 (targets[0].target): DX105 lỗi: targets[0].target: Input should be a valid number (giá trị nhận được: 'eighty')",
    ),
    Code.DUPLICATE_TARGET_ID: CodeText(
        "hai chỉ tiêu trùng mã (id)",
        "Các hàng số liệu tiến độ gọi chỉ tiêu theo id, nên mỗi id chỉ ứng với một chỉ tiêu. "
        "Chỉ tiêu được điều chỉnh trong một phát biểu sau này có id riêng và "
        "`supersedes: <id cũ>`.",
        "đặt cho mỗi chỉ tiêu một id riêng; liên kết chỉ tiêu được điều chỉnh bằng `supersedes`",
        "targets.yaml:7:9 (targets[1].id): DX106 lỗi: mã chỉ tiêu 'online-services' bị trùng (lần đầu ở dòng 3)",
    ),
    Code.UNKNOWN_DEADLINE: CodeText(
        "không hiểu cụm thời hạn",
        "Thời hạn được ghi đúng như lời phát biểu ('end of 2025', 'Q1 2026', 'before "
        "2025-02-15'); dxcheck quy đổi cụm này ra một ngày cụ thể, và từ chối cụm không quy đổi "
        "được thay vì đoán.",
        "dùng một cụm thời hạn có trong bảng của README",
        "targets.yaml:5:15 (targets[0].deadline): DX107 lỗi: chỉ tiêu 'online-services': không hiểu cụm thời hạn 'soonish'",
    ),
    Code.DUE_MISMATCH: CodeText(
        "`due` không khớp với cụm thời hạn",
        "`due` không bắt buộc; nếu có, `due` phải đúng bằng ngày mà cụm thời hạn quy đổi ra, để "
        "phát hiện lỗi gõ nhầm ở một trong hai.",
        "sửa lại một trong hai",
        "targets.yaml:6:10 (targets[0].due): DX108 lỗi: chỉ tiêu 'online-services': thời hạn 'end of 2025' ứng với ngày 2025-12-31, nhưng due ghi 2025-06-30",
    ),
    Code.UNKNOWN_SUPERSEDES: CodeText(
        "`supersedes` nêu một chỉ tiêu không có trong danh mục",
        "Chỉ tiêu được điều chỉnh nêu id của chỉ tiêu mà nó thay thế; id đó phải có trong cùng danh mục.",
        "dùng id được gợi ý",
        "targets.yaml:7:17 (targets[0].supersedes): DX109 lỗi: chỉ tiêu 'online-services' thay thế (supersedes) một chỉ tiêu không có trong danh mục: 'online-service'",
    ),
    Code.YAML_LIMIT: CodeText(
        "danh mục vượt giới hạn an toàn (dung lượng, số nút sau khi mở rộng alias, độ sâu)",
        "Danh mục có dung lượng tối đa 10 MiB, tối đa 200.000 nút sau khi mở rộng alias và lồng "
        "nhau không quá 64 cấp, để một tệp độc hại (kiểu 'billion laughs') không thể làm cạn tài "
        "nguyên của máy.",
        "danh mục vốn nhỏ: kiểm tra lại tệp",
        "targets.yaml: DX110 lỗi: danh mục chỉ tiêu vượt giới hạn an toàn: lồng nhau sâu hơn 64 cấp",
    ),
    Code.TYPE_FIELDS: CodeText(
        "trường không phù hợp với loại chỉ tiêu (chỉ tiêu dạng mốc lại có mức cần đạt, chỉ tiêu "
        "định lượng không có mức, tỷ lệ phần trăm trên 100)",
        "Chỉ tiêu dạng mốc chỉ có hoàn thành hoặc chưa hoàn thành: không có mức cần đạt, đơn vị "
        "tính hay direction. Chỉ tiêu định lượng cần có mức cần đạt, và tỷ lệ phần trăm nằm "
        "trong khoảng 0 đến 100.",
        "làm theo gợi ý",
        "targets.yaml:7:13 (targets[0].target): DX111 lỗi: chỉ tiêu 'online-services': 'target' chỉ dành cho chỉ tiêu định lượng; chỉ tiêu dạng mốc chỉ có hoàn thành hoặc chưa",
    ),
    Code.SUPERSEDES_CYCLE: CodeText(
        "chuỗi `supersedes` tạo thành vòng lặp",
        "Các lần điều chỉnh tạo thành một chuỗi từ chỉ tiêu cũ nhất đến chỉ tiêu mới nhất; "
        "chuỗi quay về điểm xuất phát thì không có phiên bản mới nhất để đánh giá.",
        "bỏ một liên kết để phá vòng lặp",
        "targets.yaml:7:17 (targets[0].supersedes): DX112 lỗi: chuỗi supersedes của 'online-services' vòng trở lại chính nó",
    ),
    Code.UNKNOWN_TARGET_ENTITY: CodeText(
        "`entities` của một chỉ tiêu nêu đơn vị báo cáo không có trong `entities` của danh mục",
        "Một chỉ tiêu có thể liệt kê các đơn vị phải báo cáo chỉ tiêu đó; mỗi đơn vị phải là "
        "một tên hoặc alias trong danh sách đơn vị của chính danh mục (hoặc `national`), để tên "
        "tỉnh viết sai được phát hiện ngay trong danh mục, chứ không bị coi là một tỉnh không "
        "bao giờ báo cáo.",
        "dùng một tên hoặc alias có trong `entities` của danh mục, hoặc `national`",
        "targets.yaml:7:16 (targets[0].entities[0]): DX113 lỗi: chỉ tiêu 'online-services': đơn vị báo cáo 'Ha Noi' không có trong danh sách entities của danh mục",
    ),
    Code.DUPLICATE_EVENT: CodeText(
        "hai sự kiện trong `events` của danh mục trùng tên",
        "Thời hạn có thể gắn với một sự kiện có ngày xác định ('tại Kỳ họp thứ 9, Quốc hội khoá "
        "XV'); danh mục liệt kê mỗi sự kiện một lần kèm ngày và nguồn, để mỗi thời hạn chỉ ứng "
        "với một ngày. Tên sự kiện được so sánh như khi so thời hạn: không phân biệt chữ hoa, "
        "chữ thường, khoảng trắng và chữ 'the' ở đầu.",
        "mỗi sự kiện chỉ liệt kê một lần",
        "targets.yaml:9:12 (events[1].name): DX114 lỗi: sự kiện 'The 9th Session' được liệt kê hai lần (lần đầu ở dòng 8)",
    ),
    Code.INPUT_UNREADABLE: CodeText(
        "không đọc được tệp đầu vào (không có tệp, là thư mục, không có quyền truy cập)",
        "Tệp CSV nêu trên dòng lệnh không tồn tại, là một thư mục hoặc không mở được.",
        "kiểm tra lại đường dẫn",
        "progress.csv: DX200 lỗi: không đọc được tệp đầu vào: không có tệp này",
    ),
    Code.ENCODING: CodeText(
        "không phải UTF-8/UTF-16, hoặc là tệp nhị phân",
        "dxcheck đọc UTF-8 (có hoặc không có BOM) và UTF-16 có BOM. Tệp lưu bằng bảng mã khác "
        "(ở đây là Windows-1258, bảng mã tiếng Việt cũ) sẽ làm tên địa danh bị lỗi phông, nên "
        "bị từ chối tại dòng và cột của byte sai đầu tiên.",
        'xuất lại tệp dưới dạng "CSV UTF-8"',
        "data.csv:2:28: DX201 lỗi: tệp không phải UTF-8 hợp lệ (byte 0xe0; có vẻ là Windows-1258 hoặc một bảng mã cũ khác)",
    ),
    Code.EMPTY_FILE: CodeText(
        "tệp trống",
        "Tệp CSV tiến độ bắt đầu bằng hàng tiêu đề ghi tên các cột (target, date, value, và "
        "nếu cần thì entity, unit, source, note).",
        "hàng đầu tiên ghi tên các cột",
        "data.csv:1:1: DX202 lỗi: tệp trống: không có hàng tiêu đề",
    ),
    Code.MISSING_COLUMN: CodeText(
        "thiếu một cột bắt buộc",
        "Mọi tệp CSV tiến độ đều có các cột target, date và value (theo thứ tự bất kỳ, viết "
        "hoa hay viết thường đều được).",
        "bổ sung cột đó, hoặc đổi tên cột được gợi ý",
        "data.csv:1:1: DX203 lỗi: thiếu cột bắt buộc 'value'",
    ),
    Code.DUPLICATE_COLUMN: CodeText(
        "một cột xuất hiện hai lần",
        "Hai cột trùng tên thì dxcheck sẽ phải đoán cột nào chứa giá trị.",
        "xoá một cột",
        "data.csv:1:19: DX204 lỗi: cột 'value' xuất hiện hai lần (cột thứ 3 và thứ 4) (hàng 1, cột \"value\", D)",
    ),
    Code.UNKNOWN_COLUMN: CodeText(
        "cột không xác định bị bỏ qua",
        "Một cột mà dxcheck không đọc. Thường là vô hại (một cột ghi chú riêng), đôi khi là tên "
        "gõ nhầm của một cột cần thiết (`sorce` thay vì `source`).",
        "xoá hoặc đổi tên cột đó",
        "data.csv:1:19: DX205 cảnh báo: cột không xác định 'colour' bị bỏ qua (hàng 1, cột \"colour\", D)",
    ),
    Code.MALFORMED_CSV: CodeText(
        "CSV sai định dạng (dấu ngoặc kép không đóng, ô dài quá 64 KiB)",
        "Dấu ngoặc kép mở một ô mà không đóng sẽ nuốt toàn bộ phần còn lại của tệp vào một ô. "
        "dxcheck báo lỗi này rồi đọc tiếp từ dòng ngay sau dòng đầu tiên của hàng đó.",
        "kiểm tra lại dấu ngoặc kép",
        "data.csv:2: DX206 lỗi: CSV sai định dạng: unexpected end of data",
    ),
    Code.FIELD_COUNT: CodeText(
        "số ô của một hàng nhiều hơn hoặc ít hơn số cột của hàng tiêu đề",
        "Thường do một giá trị có dấu phẩy mà không đặt trong dấu ngoặc kép (`87,5` thay cho "
        "87.5): hàng đó thừa một ô, và mọi ô phía sau bị lệch sang một cột.",
        "đặt trong dấu ngoặc kép những ô có chứa dấu phân cách",
        "data.csv:2: DX207 lỗi: hàng có 4 ô, trong khi hàng tiêu đề có 3 cột",
    ),
    Code.NO_ROWS: CodeText(
        "có hàng tiêu đề nhưng không có hàng dữ liệu",
        "Tệp có tên các cột nhưng không báo cáo số liệu nào: thường là biểu mẫu chưa được điền, "
        "hoặc tệp xuất ra đã bị mất các hàng.",
        "bổ sung các hàng số liệu",
        "data.csv:1: DX208 cảnh báo: tệp có hàng tiêu đề nhưng không có hàng dữ liệu nào",
    ),
    Code.NOT_REPORTED: CodeText(
        "các hàng chưa có giá trị (hàng để trống trong biểu mẫu) được bỏ qua, coi như chưa báo cáo",
        "Biểu mẫu (dxcheck template) có một hàng cho mỗi chỉ tiêu; hàng chưa điền là chưa báo "
        "cáo, không phải bằng 0 và cũng không phải lỗi: mỗi tệp có một cảnh báo cho biết đã bỏ "
        "qua bao nhiêu hàng. Hàng có giá trị mà không có ngày vẫn là lỗi (DX219).",
        "điền giá trị khi đã có số liệu, hoặc xoá hàng đó",
        "data.csv:3: DX209 cảnh báo: bỏ qua 1 hàng chưa có giá trị, coi như chưa báo cáo (hàng đầu tiên: dòng 3)",
    ),
    Code.UNKNOWN_TARGET: CodeText(
        "mã chỉ tiêu không có trong danh mục",
        "Cột target nêu một chỉ tiêu mà danh mục không có: do gõ nhầm, hoặc chỉ tiêu đã được "
        "đổi id trong danh mục (khi đó mọi hàng CSV còn ghi id cũ đều bị báo).",
        "dùng mã được gợi ý; `dxcheck targets` liệt kê các mã chỉ tiêu",
        "data.csv:2:1: DX210 lỗi: mã chỉ tiêu 'adults-with-bank-acounts' không có trong danh mục (hàng 2, cột \"target\", A)",
    ),
    Code.INVALID_DATE: CodeText(
        "không phải ngày, ngày không tồn tại, số sê-ri ngày, hoặc năm nằm ngoài khoảng 2000\u20132100",
        "Ngày được ghi theo dạng YYYY-MM-DD. Số sê-ri ngày của bảng tính (45828) bị từ chối, "
        "kèm theo ngày mà số đó ứng với; 2025-13-01 và 2025-02-30 là những ngày không tồn tại.",
        "ghi ngày theo dạng YYYY-MM-DD",
        "data.csv:2:27: DX211 lỗi: ngày '2025-13-01' không hợp lệ: không có ngày này (month must be in 1..12) (hàng 2, cột \"date\", B)",
    ),
    Code.AMBIGUOUS_DATE: CodeText(
        "không rõ đâu là ngày, đâu là tháng",
        "05/06/2025 là ngày 5 tháng 6 theo cách viết ở Việt Nam, nhưng là ngày 6 tháng 5 ở Hoa "
        "Kỳ. dxcheck không bao giờ đoán: hãy ghi ngày theo dạng YYYY-MM-DD, hoặc nêu rõ thứ tự "
        "ngày tháng mà tệp sử dụng.",
        "ghi ngày theo dạng YYYY-MM-DD hoặc dùng `--date-order dmy`",
        "data.csv:2:27: DX212 lỗi: ngày '05/06/2025' không rõ: ngày và tháng có thể đảo chỗ cho nhau (hàng 2, cột \"date\", B)",
    ),
    Code.INVALID_NUMBER: CodeText(
        "không phải số, dấu phân cách hàng nghìn gây nhầm lẫn, hoặc N/A/NaN",
        "12.500 là mười hai nghìn năm trăm theo cách viết của Việt Nam, nhưng là mười hai phẩy "
        "năm theo cách viết tiếng Anh. dxcheck không bao giờ đoán: chỉ cần một số khác trong tệp "
        "dùng dấu phẩy thập phân là rõ, hoặc dùng --decimal comma hay --decimal dot. N/A, NaN và "
        "- bị từ chối: hãy bỏ hàng đó ra khỏi tệp.",
        "ghi số thuần; bỏ các hàng chưa có giá trị",
        "data.csv:2:45: DX213 lỗi: số '12.500' không hợp lệ cho chỉ tiêu định lượng 'essential-public-services-online': có thể là 12500 (dấu chấm phân cách hàng nghìn, như cách viết ở Việt Nam) hoặc 12.5 (dấu chấm thập phân) (hàng 2, cột \"value\", C)",
    ),
    Code.INVALID_MILESTONE: CodeText(
        "không phải giá trị của chỉ tiêu dạng mốc",
        "Giá trị của chỉ tiêu dạng mốc là hoàn thành hoặc chưa hoàn thành (cũng nhận done/not "
        "done, yes/no, true/false, 1/0 và các từ khác mà README liệt kê).",
        "`hoàn thành` hoặc `chưa hoàn thành` (hay `done` / `not done`)",
        "data.csv:2:43: DX214 lỗi: giá trị mốc 'maybe' không hợp lệ cho chỉ tiêu 'national-data-center-operation' (hàng 2, cột \"value\", C)",
    ),
    Code.UNIT_MISMATCH: CodeText(
        "đơn vị tính mâu thuẫn với đơn vị tính của chỉ tiêu",
        "Cột unit, nếu có, phải khớp với đơn vị tính của chỉ tiêu (% là percent): số người báo "
        "cáo cho một chỉ tiêu tính theo phần trăm sẽ bị đem so sánh như một tỷ lệ phần trăm.",
        "báo cáo theo đơn vị tính của chỉ tiêu, hoặc để trống ô đơn vị tính",
        "data.csv:2:41: DX215 lỗi: đơn vị tính 'people' mâu thuẫn với chỉ tiêu 'adults-with-bank-accounts', vốn tính bằng 'percent' (hàng 2, cột \"unit\", D)",
    ),
    Code.CONFLICTING_ROWS: CodeText(
        "hai hàng cùng chỉ tiêu, đơn vị báo cáo và ngày nhưng khác giá trị",
        "Hai giá trị cho cùng một chỉ tiêu, đơn vị báo cáo và ngày: dxcheck không thể biết giá "
        "trị nào đúng, nên nêu cả hai dòng.",
        "chỉ giữ lại một hàng",
        "data.csv:3: DX216 lỗi: số liệu mâu thuẫn cho chỉ tiêu 'adults-with-bank-accounts', đơn vị báo cáo '(toàn quốc)', ngày 2025-06-30: 87 tại data.csv:2; 88 tại data.csv:3",
    ),
    Code.DUPLICATE_ROW: CodeText(
        "một hàng bị lặp lại",
        "Cùng một số liệu xuất hiện hai lần (thường do hai tệp chồng lấn nhau) chỉ được đọc một lần.",
        "xoá hàng bị lặp",
        "data.csv:2: DX217 cảnh báo: số liệu của chỉ tiêu 'adults-with-bank-accounts', đơn vị báo cáo '(toàn quốc)', ngày 2025-06-30 lặp lại tại data.csv:3",
    ),
    Code.AFTER_AS_OF: CodeText(
        "các hàng có ngày sau ngày chốt số liệu bị bỏ qua",
        "Mỗi lần chạy đánh giá các chỉ tiêu tại ngày chốt số liệu (mặc định là hôm nay): các "
        "hàng có ngày muộn hơn bị bỏ qua, và mỗi tệp có một cảnh báo cho biết số hàng bị bỏ qua.",
        "dùng `--as-of` với một ngày muộn hơn",
        "data.csv:2: DX218 cảnh báo: bỏ qua 1 hàng có ngày sau ngày chốt số liệu 2025-06-30 (hàng đầu tiên: dòng 2)",
    ),
    Code.EMPTY_CELL: CodeText(
        "ô bắt buộc đang để trống",
        "Mọi hàng có giá trị đều phải điền đủ ô target và ô date (hàng chưa có giá trị là chưa "
        "báo cáo: DX209).",
        "điền ô đó, hoặc xoá hàng",
        "data.csv:2:27: DX219 lỗi: ô bắt buộc 'date' đang để trống (hàng 2, cột \"date\", B)",
    ),
    Code.OUT_OF_RANGE: CodeText(
        "tỷ lệ phần trăm nằm ngoài khoảng 0\u2013100",
        "Tỷ lệ phần trăm nằm trong khoảng 0 đến 100: 870 thường là 87,0 bị mất dấu thập phân.",
        "kiểm tra lại giá trị",
        'data.csv:2:38: DX220 lỗi: giá trị 870 nằm ngoài khoảng của tỷ lệ phần trăm (0 đến 100) (hàng 2, cột "value", C)',
    ),
    Code.UNKNOWN_ENTITY: CodeText(
        "đơn vị báo cáo không có trong danh sách `entities` của danh mục",
        "Danh mục có thể liệt kê các tỉnh, thành phố và bộ, ngành mà nó biết, kèm các tên gọi "
        "khác (aliases). Hàng mang một tên khác vẫn được đọc, kèm cảnh báo này, để tên tỉnh viết "
        "sai không trở thành một tỉnh riêng.",
        "dùng tên được gợi ý, hoặc thêm cách viết đó vào aliases",
        "data.csv:2:17: DX223 cảnh báo: đơn vị báo cáo 'Ha Noi' không có trong danh sách đơn vị của danh mục (hàng 2, cột \"entity\", B)",
    ),
    Code.BASELINE_CONFLICT: CodeText(
        "một hàng đúng vào ngày của giá trị gốc (baseline) trong danh mục nhưng mâu thuẫn với "
        "giá trị gốc (giá trị gốc vẫn là điểm của xu hướng)",
        "Giá trị gốc trong danh mục là điểm đầu tiên của chuỗi số liệu toàn quốc. Một hàng CSV "
        "cùng ngày đó nhưng khác giá trị không được tính là điểm thứ hai: giá trị gốc được giữ "
        "nguyên, và cảnh báo này cho biết một trong hai giá trị là sai.",
        "sửa lại hàng đó hoặc danh mục",
        "data.csv:2:28: DX224 cảnh báo: giá trị 45 của chỉ tiêu 'online-services' ngày 2024-12-31 mâu thuẫn với giá trị gốc (baseline) trong danh mục (43 vào ngày đó) (hàng 2, cột \"value\", C)",
    ),
    Code.ENTITY_SPELLING: CodeText(
        'tên đơn vị báo cáo viết không dấu bên cạnh cùng tên đó viết có dấu ("Ha Noi" bên cạnh "Hà Nội")',
        "Khi so sánh tên, dxcheck không phân biệt chữ hoa, chữ thường, khoảng trắng và vị trí "
        "đặt dấu thanh (hoà/hòa), nhưng có phân biệt chính các dấu: Xã Thắng Thành và Xã Thắng "
        "Thạnh là hai xã khác nhau. Tên viết hoàn toàn không dấu bên cạnh cùng tên đó viết có "
        "dấu được đọc như một đơn vị riêng, kèm cảnh báo này.",
        "dùng tên được gợi ý (các tên chỉ khác nhau ở dấu là những nơi khác nhau và không bị cảnh báo)",
        "data.csv:3:17: DX225 cảnh báo: đơn vị báo cáo 'Ha Noi' được viết không dấu, giống 'Hà Nội': sẽ được tính là một đơn vị khác (hàng 3, cột \"entity\", B)",
    ),
    Code.FORMER_ENTITY: CodeText(
        "hàng số liệu của một đơn vị cũ (trong `former` của một đơn vị) ghi ngày từ khi sáp nhập trở đi",
        "Một đơn vị trong danh mục có thể liệt kê các đơn vị cũ đã sáp nhập vào nó (`former`, "
        "ngày sáp nhập ghi ở `since`): tên các đơn vị cũ vẫn được nhận biết và mỗi đơn vị vẫn "
        "giữ chuỗi số liệu riêng, vì số liệu của một tỉnh cũ không phải là số liệu của tỉnh sau "
        "sáp nhập. Hàng ghi ngày từ khi sáp nhập trở đi là nêu một đơn vị không còn tồn tại: mỗi "
        "đơn vị cũ có một cảnh báo, tại hàng đầu tiên của nó.",
        "báo cáo theo tên đơn vị sau sáp nhập (phần gợi ý nêu tên đơn vị đó)",
        "data.csv:2:17: DX226 cảnh báo: đơn vị cũ 'Quảng Nam' có 1 hàng ghi ngày từ khi sáp nhập trở đi (mới nhất: 2025-09-30) (hàng 2, cột \"entity\", B)",
    ),
    Code.TOO_MANY: CodeText(
        "tệp còn nhiều vấn đề hơn số được hiển thị",
        "Mỗi tệp chỉ giữ tối đa 100 vấn đề, phần còn lại chỉ được đếm: một tệp có cả triệu hàng "
        "sai vẫn cho ra một báo cáo đọc được. Mục này là lỗi nếu trong số các vấn đề không hiển "
        "thị có một lỗi.",
        "sửa trước những vấn đề đã hiển thị",
        "data.csv: DX230 lỗi: còn 1 vấn đề khác trong tệp này không được hiển thị",
    ),
    Code.SAME_INPUT_TWICE: CodeText(
        "một tệp đầu vào được nêu hai lần",
        "Tệp được nêu hai lần (kể cả qua mẫu tên tệp, qua liên kết hay qua một cách viết khác của "
        "đường dẫn) chỉ được đọc một lần, để các hàng của nó không bị tính hai lần.",
        "tệp chỉ được đọc một lần",
        "./data.csv: DX300 cảnh báo: tệp đầu vào được nêu nhiều lần; chỉ đọc một lần",
    ),
    Code.OUTPUT_UNWRITABLE: CodeText(
        "không ghi được báo cáo",
        "Đường dẫn của --report hoặc -o là một thư mục, hoặc nằm trong một thư mục không tạo "
        "được hay không ghi được.",
        "kiểm tra đường dẫn và quyền ghi",
        ".: DX301 lỗi: không ghi được báo cáo: đây là một thư mục",
    ),
    Code.OUTPUT_IS_INPUT: CodeText(
        "đường dẫn đầu ra (`--report`, `-o`) trỏ tới danh mục, một tệp CSV đầu vào hoặc dữ liệu "
        "đi kèm dxcheck (kể cả qua liên kết tượng trưng hay liên kết cứng)",
        "Không đầu ra nào được thay thế một tệp mà lần chạy đang đọc: báo cáo ghi đè lên chính "
        "tệp CSV đang được kiểm tra sẽ xoá mất số liệu. Tệp được giữ nguyên.",
        "chọn đường dẫn khác",
        "data.csv: DX302 lỗi: không ghi đè lên một tệp CSV đầu vào",
    ),
    Code.NO_MATCH: CodeText(
        "mẫu tên tệp không khớp với tệp nào",
        "Mẫu tên tệp mà shell không mở rộng (vì đặt trong dấu nháy, hoặc không khớp gì) được "
        "dxcheck tự mở rộng: mẫu phải khớp ít nhất một tệp, để một thư mục bị chuyển chỗ không "
        "khiến kết quả kiểm tra là ĐẠT khi không có số liệu nào.",
        "kiểm tra lại mẫu tên tệp",
        "data/*.csv: DX303 lỗi: không có tệp nào khớp với 'data/*.csv'",
    ),
    Code.OUTPUT_EXISTS: CodeText(
        "`template -o` trỏ tới một tệp đã có",
        "Biểu mẫu là tệp được điền số liệu bằng tay: ghi một biểu mẫu mới đè lên sẽ làm mất số liệu đã điền.",
        "dùng `--force` để thay thế, hoặc chọn đường dẫn khác",
        "data.csv: DX304 lỗi: không thay thế tệp đã có",
    ),
    Code.CONFIG_KEY: CodeText(
        "`dxcheck.toml` (hoặc `[tool.dxcheck]`) có khoá không ứng với tuỳ chọn nào",
        "Tệp cấu hình chứa giá trị mặc định cho các tuỳ chọn dạng dài (targets, date-order, "
        "decimal, entity, fail-on, format, lang). Nếu không được báo, một khoá viết sai sẽ lặng "
        "lẽ không có tác dụng gì.",
        "dùng khoá được gợi ý; `dxcheck config` cho biết các thiết lập đang có hiệu lực",
        "dxcheck.toml:1:1: DX305 lỗi: khoá 'decimals' trong tệp cấu hình không hợp lệ",
    ),
    Code.CONFIG_VALUE: CodeText(
        "giá trị cấu hình không phải là giá trị mà tuỳ chọn tương ứng nhận (hoặc tệp không phải TOML)",
        "Mỗi khoá nhận đúng những giá trị mà tuỳ chọn tương ứng nhận: date-order là dmy hoặc "
        "mdy, decimal là comma hoặc dot, fail-on là các trạng thái và xu hướng, format là một "
        "trong các định dạng, lang là en hoặc vi, targets là đường dẫn tính từ thư mục chứa tệp "
        "cấu hình.",
        "dùng một giá trị mà tuỳ chọn nhận, như `--help` của tuỳ chọn đó liệt kê",
        "dxcheck.toml:1:1: DX306 lỗi: cấu hình 'date-order': nhận một trong dmy, mdy, không phải 'dmyy' (có phải ý bạn là 'dmy'?)",
    ),
}
