#!/usr/bin/env python3
"""Build seeds/regions.csv from the NBS division list in ../shared/data/divisions.

Usage: python scripts/build_regions.py [--src DIR] [--out FILE]

It also writes seeds/region_aliases.csv beside FILE: short names and epithets that are not
a name's own short form (巴州, 济源示范区, 城市副中心); see short_names().

Columns (in this order):
  code           GB/T 2260: 6 digits for province / city / county (44 -> 440000,
                 4417 -> 441700), 9 digits for townships (乡级).
  name           the official name.
  level          province | city | district | county | township
  parent_code    the code of the unit above (empty for provinces).
  province_code  6 digits.
  city_code      6 digits of the 地级 unit; for 直辖市 (北京, 天津, 上海, 重庆) it is the
                 province-level city itself (110000 ...), so a district of Beijing has
                 parent_code = city_code = 110000; empty for provinces and for counties
                 directly under a province (省直辖县级行政区划: 济源, 仙桃, 石河子 ...).
  aliases        '|'-separated short forms reports use (阳江 for 阳江市, 焉耆 for
                 焉耆回族自治县, 东坝 for 东坝地区); one-character forms are not kept.

Placeholder rows of the source are dropped: the 市辖区 / 县 rows of the 直辖市 and the
省直辖县级行政区划 groupings are not cities; a county-level row that only repeats its
city (东莞市 441900 under 4419, 嘉峪关市 620201) is folded into the city, its townships
then hang from the city.

Levels: 市辖区 (names ending in 区, incl. 城区, 郊区, 矿区) are district; 县, 县级市, 旗,
自治县, 自治旗, 特区 and 林区 are county.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "divisions"
DEFAULT_OUT = ROOT / "seeds" / "regions.csv"

ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
    "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 "
    "汉 各"
).split()
_ETH = "|".join(sorted(ETHNIC, key=len, reverse=True))
# 焉耆回族自治县 -> 焉耆; 积石山保安族东乡族撒拉族自治县 -> 积石山; 鄂伦春自治旗 -> 鄂伦春
ETHNIC_AUTONOMY = re.compile(rf"(?:(?:{_ETH})族?)*自治(?:区|州|县|旗)$")

SUFFIXES = {
    "province": ["特别行政区", "自治区", "省", "市"],
    "city": ["自治州", "地区", "盟", "市"],
    "county": ["联合旗", "自治旗", "自治县", "林区", "特区", "县", "市", "旗", "区"],
    "district": ["新区", "区"],
    "township": ["街道办事处", "办事处", "街道", "地区", "镇", "乡"],
}
# Aliases that are ordinary words or hopelessly ambiguous as bare text.
STOP_ALIASES = {"城关", "市中", "新区", "开发", "中心", "城区", "郊区", "矿区", "东区", "西区",
                "南区", "北区", "中区", "新城", "老城", "城中", "城东", "城西", "城南", "城北",
                "人民", "经济", "工业", "高新", "长安", "和平", "团结", "胜利", "红旗", "前进",
                "光明", "幸福", "友谊", "民主", "建设", "解放", "新华", "中华", "东风", "向阳"}


def _area_level(name: str, city: dict | None) -> str:
    """A city's 区 is a district; a special zone (六枝特区) and a forest zone outside any city
    (神农架林区, 大兴安岭's 新林区) are county-level, while a city's district whose name ends in
    林区 (碑林区, 万柏林区, 北林区) is a district like any other."""
    if not name.endswith("区") or name.endswith("特区"):
        return "county"
    if name.endswith("林区") and (city is None or not city["name"].endswith("市")):
        return "county"
    return "district"


def aliases_for(name: str, level: str) -> list[str]:
    out: list[str] = []
    m = ETHNIC_AUTONOMY.search(name)
    if m and m.start() >= 2:
        out.append(name[: m.start()])
    elif m:  # 东乡族自治县 -> 东乡 (the place is named after the people)
        core = re.sub(r"族?自治(?:区|州|县|旗)$", "", name)
        if len(core) >= 2:
            out.append(core)
    if not out:
        for suf in SUFFIXES[level]:
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                out.append(name[: -len(suf)])
                break
    return [a for a in out if len(a) >= 2 and a != name and a not in STOP_ALIASES]


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build(src: Path) -> list[dict]:
    provinces = read(src / "provinces.csv")
    cities = read(src / "cities.csv")
    areas = read(src / "areas.csv")
    streets = read(src / "streets.csv")
    municipal = {p["code"] for p in provinces if p["name"].endswith("市")}  # 11 12 31 50

    rows: list[dict] = []
    for p in provinces:
        code = p["code"].ljust(6, "0")
        rows.append(dict(code=code, name=p["name"], level="province", parent_code="",
                         province_code=code, city_code="", aliases=aliases_for(p["name"], "province")))

    real_city: dict[str, dict] = {}
    for c in cities:
        pc = c["provinceCode"]
        if pc in municipal or c["name"] in ("市辖区", "县") or "直辖县级" in c["name"]:
            continue
        code = c["code"].ljust(6, "0")
        row = dict(code=code, name=c["name"], level="city", parent_code=pc.ljust(6, "0"),
                   province_code=pc.ljust(6, "0"), city_code=code,
                   aliases=aliases_for(c["name"], "city"))
        real_city[c["code"]] = row
        rows.append(row)

    area_parent: dict[str, str] = {}   # area code -> code townships hang from
    area_city: dict[str, str] = {}
    area_name = {a["code"]: a["name"] for a in areas}
    for a in areas:
        pc6 = a["provinceCode"].ljust(6, "0")
        city = real_city.get(a["cityCode"])
        if a["provinceCode"] in municipal:
            parent = city_code = pc6
        elif city is not None:
            parent = city_code = city["code"]
            if a["name"] == city["name"]:          # 东莞市 441900, 嘉峪关市 620201
                area_parent[a["code"]] = city["code"]
                area_city[a["code"]] = city["code"]
                continue
        else:                                     # 省直辖县级行政区划
            parent, city_code = pc6, ""
        name = a["name"]
        level = _area_level(name, city)
        rows.append(dict(code=a["code"], name=name, level=level, parent_code=parent,
                         province_code=pc6, city_code=city_code,
                         aliases=aliases_for(name, level)))
        area_parent[a["code"]] = a["code"]
        area_city[a["code"]] = city_code

    for s in streets:
        name = s["name"]
        std = re.search(r"(街道|镇|乡|地区)$", name) is not None
        parent = area_parent.get(s["areaCode"], s["areaCode"])
        al = aliases_for(name, "township") if std else []
        county = area_name.get(s["areaCode"], "")
        if std and county and name.startswith(county) and len(name) > len(county) + 2:
            al.append(name[len(county):])            # 济源市沁园街道 -> 沁园街道
            al += aliases_for(name[len(county):], "township")
        rows.append(dict(code=s["code"], name=name, level="township", parent_code=parent,
                         province_code=s["provinceCode"].ljust(6, "0"),
                         city_code=area_city.get(s["areaCode"], ""), aliases=al))
    return rows


# Names reports use that the division list cannot give: epithets of a place (its zone's
# name, its role in a plan). Kept by hand: (surface, code, what it is).
EPITHETS = [
    ("济源示范区", "419001", "济源产城融合示范区, the name 济源市 reports under"),
    ("济源产城融合示范区", "419001", "济源市"),
    ("城市副中心", "110112", "北京城市副中心, 通州区"),
    ("北京城市副中心", "110112", "通州区"),
    # national new areas that are one division (those spanning several are left out)
    ("青岛西海岸新区", "370211", "黄岛区"),
    ("西海岸新区", "370211", "青岛西海岸新区, 黄岛区"),
    ("广州南沙新区", "440115", "南沙区"),
    ("南沙新区", "440115", "广州南沙新区, 南沙区"),
    ("舟山群岛新区", "330900", "舟山市"),
]

# Everyday short forms of prefectures with long names, one character and 市 / 盟 (呼市 for
# 呼和浩特市, 哈市, 乌市), and the leagues' former names that stayed in use (呼盟 for
# 呼伦贝尔). Kept by hand: the division list cannot tell which initials people use, and a
# generated 三市 or 六市 would be an ordinary word.
EVERYDAY = [
    ("呼市", "150100", "呼和浩特市"),
    ("乌市", "650100", "乌鲁木齐市"),
    ("哈市", "230100", "哈尔滨市"),
    ("齐市", "230200", "齐齐哈尔市"),
    ("牡市", "231000", "牡丹江市"),
    ("佳市", "230800", "佳木斯市"),
    ("克市", "650200", "克拉玛依市"),
    ("呼盟", "150700", "呼伦贝尔盟, now 呼伦贝尔市"),
    ("哲盟", "150500", "哲里木盟, now 通辽市"),
    ("昭盟", "150400", "昭乌达盟, now 赤峰市"),
    ("伊盟", "150600", "伊克昭盟, now 鄂尔多斯市"),
    ("巴盟", "150800", "巴彦淖尔盟, now 巴彦淖尔市"),
    ("乌盟", "150900", "乌兰察布盟, now 乌兰察布市"),
]

# The usual short names of banners (旗) with long names: the head of each word of the name and
# 旗 (科左中旗 for 科尔沁左翼中旗, 达茂旗 for 达尔罕茂明安联合旗), or the first character (莫旗).
# Kept by hand, and only forms that name one banner and end no ordinary word: 扎旗 (扎鲁特 or
# 扎赉特) and 阿旗 (阿鲁科尔沁, 阿荣, 阿巴嘎) are left out, and so are 达旗, 准旗 and 克旗, read in
# 到达旗帜, 对准旗帜, 攻克旗.
BANNERS = [
    ("达茂旗", "150223", "达尔罕茂明安联合旗"),
    ("土左旗", "150121", "土默特左旗"),
    ("土右旗", "150221", "土默特右旗"),
    ("翁旗", "150426", "翁牛特旗"),
    ("喀旗", "150428", "喀喇沁旗"),
    ("科左中旗", "150521", "科尔沁左翼中旗"),
    ("科左后旗", "150522", "科尔沁左翼后旗"),
    ("鄂前旗", "150623", "鄂托克前旗"),
    ("伊旗", "150627", "伊金霍洛旗"),
    ("莫旗", "150722", "莫力达瓦达斡尔族自治旗"),
    ("陈旗", "150725", "陈巴尔虎旗"),
    ("新左旗", "150726", "新巴尔虎左旗"),
    ("新右旗", "150727", "新巴尔虎右旗"),
    ("乌前旗", "150823", "乌拉特前旗"),
    ("乌中旗", "150824", "乌拉特中旗"),
    ("乌后旗", "150825", "乌拉特后旗"),
    ("察右前旗", "150926", "察哈尔右翼前旗"),
    ("察右中旗", "150927", "察哈尔右翼中旗"),
    ("察右后旗", "150928", "察哈尔右翼后旗"),
    ("科右前旗", "152221", "科尔沁右翼前旗"),
    ("科右中旗", "152222", "科尔沁右翼中旗"),
    ("东苏旗", "152523", "苏尼特左旗"),
    ("西苏旗", "152524", "苏尼特右旗"),
    ("东乌旗", "152525", "东乌珠穆沁旗"),
    ("西乌旗", "152526", "西乌珠穆沁旗"),
    ("阿左旗", "152921", "阿拉善左旗"),
    ("阿右旗", "152922", "阿拉善右旗"),
]


# words that settle a shared name for one of its places (hint); not places themselves
HINTS = [
    ("副中心", "110112", "北京城市副中心 is 通州区 of 北京, not 通州区 of 南通"),
]


def short_names(rows: list[dict]) -> list[dict]:
    """Surface forms beyond a name's own short form, for seeds/region_aliases.csv.

    initial: a Xinjiang prefecture whose name is a long transliteration goes by its first
    character and 州 (巴音郭楞蒙古自治州 -> 巴州, 博尔塔拉 -> 博州, 克孜勒苏 -> 克州).
    initial: a league (盟) whose short name has three characters or more goes by its
    first character and 盟 (锡林郭勒盟 -> 锡盟, 阿拉善盟 -> 阿盟).
    everyday: the hand-kept EVERYDAY and BANNERS.
    epithet: the hand-kept EPITHETS.
    hint: the hand-kept HINTS, words that only settle a name several places share (通州区 of
    北京 or of 南通: 副中心 says 北京's); never read as a place themselves.
    """
    out = []
    for r in rows:
        if r["level"] == "city" and r["code"].startswith("65") and r["name"].endswith("自治州"):
            core = r["aliases"][0] if r["aliases"] else ""
            if len(core) >= 4:
                out.append(dict(alias=core[0] + "州", code=r["code"], kind="initial", note=r["name"]))
        if r["level"] == "city" and r["name"].endswith("盟"):
            core = r["aliases"][0] if r["aliases"] else ""
            if len(core) >= 3:
                out.append(dict(alias=core[0] + "盟", code=r["code"], kind="initial", note=r["name"]))
    for alias, code, note in EVERYDAY + BANNERS:
        out.append(dict(alias=alias, code=code, kind="everyday", note=note))
    for alias, code, note in EPITHETS:
        out.append(dict(alias=alias, code=code, kind="epithet", note=note))
    for alias, code, note in HINTS:
        out.append(dict(alias=alias, code=code, kind="hint", note=note))
    return out


def write_aliases(rows: list[dict], path: Path) -> int:
    known = {r["code"] for r in rows}
    aliases = [a for a in short_names(rows) if a["code"] in known]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["alias", "code", "kind", "note"])
        for a in aliases:
            w.writerow([a["alias"], a["code"], a["kind"], a["note"]])
    return len(aliases)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not (args.src / "provinces.csv").exists():
        print(f"division list not found in {args.src}", file=sys.stderr)
        return 1
    rows = build(args.src)
    seen: set[str] = set()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent_code", "province_code", "city_code", "aliases"])
        for r in rows:
            if r["code"] in seen:
                continue
            seen.add(r["code"])
            w.writerow([r["code"], r["name"], r["level"], r["parent_code"], r["province_code"],
                        r["city_code"], "|".join(r["aliases"])])
    print(f"wrote {len(seen)} regions to {args.out}")
    aliases_out = args.out.with_name("region_aliases.csv")
    n = write_aliases(rows, aliases_out)
    print(f"wrote {n} short names and epithets to {aliases_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
