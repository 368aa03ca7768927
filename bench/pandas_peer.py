"""The analyst's pandas script, as a peer for `npm run bench`: reads every township file of a
folder, concatenates the village rows, sums the count and money columns per township and writes
two CSVs. It validates nothing (no header aliases, no rules, no Traditional headers, loose
numbers simply become NaN): it is the floor a validating tool is compared against.

usage: python3 bench/pandas_peer.py <input-dir> <out-dir>
"""

import os
import sys

import pandas as pd

HEADER_MARK = "序号"
VILLAGE = "村（社区）名称"
TOTAL_WORDS = {"合计", "合 计", "总计", "本级", "镇本级", "乡本级", "街道本级"}


def read_text(path: str, sep: str, encodings: list[str]) -> pd.DataFrame:
    last: Exception | None = None
    for encoding in encodings:
        try:
            return pd.read_csv(path, sep=sep, header=None, dtype=str, encoding=encoding, keep_default_na=False)
        except (UnicodeDecodeError, UnicodeError) as err:
            last = err
    raise last if last else ValueError(path)


def read_any(path: str) -> pd.DataFrame:
    lower = path.lower()
    if lower.endswith(".xlsx"):
        return pd.read_excel(path, header=None, dtype=str, engine="openpyxl").fillna("")
    if lower.endswith(".txt"):
        return read_text(path, "\t", ["utf-16"])
    return read_text(path, ",", ["utf-8-sig", "gb18030"])


def village_rows(frame: pd.DataFrame, township: str) -> pd.DataFrame:
    first = frame.iloc[:, 0].astype(str).str.strip()
    header_at = first[first == HEADER_MARK].index
    if len(header_at) == 0:
        return pd.DataFrame()
    h = header_at[0]
    body = frame.iloc[h + 1 :].copy()
    body.columns = [str(c).strip() for c in frame.iloc[h]]
    if VILLAGE not in body.columns:
        return pd.DataFrame()
    body = body[~body[VILLAGE].astype(str).str.strip().isin(TOTAL_WORDS)]
    body = body[body[VILLAGE].astype(str).str.strip() != ""]
    body.insert(0, "乡镇", township)
    return body


def main() -> None:
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    parts = []
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        if not os.path.isfile(path):
            continue
        township = os.path.splitext(name)[0]
        try:
            parts.append(village_rows(read_any(path), township))
        except Exception as err:  # the analyst's script skips what it cannot read
            print(f"skipped {name}: {err}", file=sys.stderr)
    villages = pd.concat(parts, ignore_index=True)
    numeric = [c for c in villages.columns if c not in ("乡镇", VILLAGE, "序号", "妇联主席姓名", "性别", "文化程度", "任职方式", "是否进村两委", "建有妇女之家", "建有儿童之家", "备注")]
    for c in numeric:
        villages[c] = pd.to_numeric(villages[c], errors="coerce")
    by_township = villages.groupby("乡镇")[numeric].sum()
    villages.to_csv(os.path.join(out, "villages.csv"), index=False, encoding="utf-8-sig")
    by_township.to_csv(os.path.join(out, "townships.csv"), encoding="utf-8-sig")
    print(f"{len(parts)} files, {len(villages)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
