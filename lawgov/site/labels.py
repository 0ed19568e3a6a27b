"""The Chinese words the site shows beside the warehouse's codes."""

SCOPES = {"all": "全部", "government": "本级政府", "departments": "各部门"}
ORIGINS = {"extracted": "抽取", "corrected": "人工更正", "added": "人工补充"}
LEVELS = {"province": "省级", "city": "市级", "district": "区", "county": "县",
          "township": "乡镇", "department": "部门"}
QUALIFIERS = {"exact": "", "at_least": "以上", "approx": "约", "at_most": "以下"}
PROBLEMS = {
    "rate_mismatch": "报告比率与计数推算不符",
    "rate_mismatch_accepted": "纠错率与受理数推算不符",
    "rate_out_of_range": "比率超出0–100",
    "corrected_exceeds_closed": "纠错件数多于审结件数",
    "conflicting_values": "同一指标数值冲突",
    "unresolved_region": "地区未能识别",
    "stale_correction": "人工更正已失效",
}
SEVERITIES = {"error": "错误", "warning": "警告"}
