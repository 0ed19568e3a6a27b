"""lawgov: a metrics warehouse for China's 法治政府建设年度报告.

The pipeline, one module a stage: sources → text → mentions → catalog (facts)
→ documents/regions → warehouse (raw tables) → models (staging, marts) → publish → export.
"""

__version__ = "0.1.0"
