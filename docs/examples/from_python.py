"""Shanzhi from Python, step by step (run from the repository root after scripts/setup.sh):

    PYTHONPATH=build/python /usr/bin/python3 docs/examples/from_python.py

The test suite runs this script too (tests/python/test_module.py), so it stays true.
"""

import shanzhi

# 1. One run of the one-community district, with two levers changed and a fixed seed.
run = shanzhi.run("scenarios/experiments/tiny_district.toml",
                  set={"purchase.budget_per_community_yuan": 300000, "admin.task_cut_share": 0.6},
                  seed=7, weeks=60)
satisfaction = run["timeseries"]["satisfaction_mean"]  # a numpy array, one value per week
print(f"{run['scenario']}, seed {run['seed']}: satisfaction {satisfaction[0]:.1f} -> {satisfaction[-1]:.1f} "
      f"over {len(satisfaction) - 1} weeks")
frame = run["frame"]  # the same as a pandas DataFrame, one row per week
print(frame[["week", "satisfaction_mean", "worker_admin_share"]].tail(3).to_string(index=False))

# 2. The same changes as a policy against the unchanged district: paired replicates with
#    common random numbers, as `shanzhi compare --with` runs them.
comparison = shanzhi.compare("scenarios/experiments/tiny_district.toml",
                             changes={"purchase.budget_per_community_yuan": 300000, "admin.task_cut_share": 0.6},
                             replicates=5, seed=1, weeks=60)[0]
admin = comparison["metrics"]["worker_admin_share"]["difference"]
print(f"admin share: {admin['mean']:+.3f} (95% interval {admin['low']:+.3f} to {admin['high']:+.3f})")
print(comparison["frame"][["metric", "difference", "low", "high", "verdict"]].head(5).to_string(index=False))

# 3. A mistake in a key is a Python exception with the program's message.
try:
    shanzhi.run("scenarios/experiments/tiny_district.toml", set={"admin.task_cut_shar": 0.6})
except shanzhi.ScenarioError as error:
    print("refused:", error)
