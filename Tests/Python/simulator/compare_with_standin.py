"""Manual check (not run by tests): per-category amount quantiles, shares, fraud rates and night shares
of the standin file next to a simulated file. Usage: python3 compare_with_standin.py  (edit the paths)."""
import pandas as pd, sys
rows = []
for name, path in [("real", "/work/shared/data/fraudTest-standin.csv.gz"), ("sim", "/tmp/simwork/sim.csv")]:
    df = pd.read_csv(path, index_col=0, usecols=[0, 1, 2, 4, 5, 22])
    df["hour"] = pd.to_datetime(df.trans_date_trans_time).dt.hour
    legit = df[df.is_fraud == 0]
    q = legit.groupby("category").amt.quantile([0.1, 0.5, 0.9]).unstack().round(1)
    q["share"] = (df.category.value_counts(normalize=True) * 100).round(1)
    q["fraud%"] = (df.groupby("category").is_fraud.mean() * 100).round(2)
    print(name, "rows", len(df), "fraud", round(df.is_fraud.mean() * 100, 3), "% cards", df.cc_num.nunique(), "per day", round(len(df) / pd.to_datetime(df.trans_date_trans_time).dt.date.nunique()))
    print(q.to_string())
    print("legit night(22-04) share", round(((legit.hour >= 22) | (legit.hour < 4)).mean() * 100, 1), "fraud night share", round(((df[df.is_fraud == 1].hour >= 22) | (df[df.is_fraud == 1].hour < 4)).mean() * 100, 1))
    print("fraud amt quantiles", df[df.is_fraud == 1].amt.quantile([0.1, 0.5, 0.9]).round(1).tolist())
