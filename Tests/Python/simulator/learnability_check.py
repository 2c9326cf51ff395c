"""Manual check (not run by tests): is the simulator's fraud learnable, and does per-card history help?
Usage: python3 Tests/Python/simulator/learnability_check.py FILE.csv"""
import sys, numpy as np, pandas as pd, xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve

df = pd.read_csv(sys.argv[1], index_col=0)
df['t'] = pd.to_datetime(df.trans_date_trans_time)
df = df.sort_values('t', kind='stable').reset_index(drop=True)
ts = df.t.values.astype('datetime64[s]').astype('int64')
df['ts'] = ts
df['log_amt'] = np.log1p(df.amt)
df['hour'] = df.t.dt.hour
df['weekday'] = df.t.dt.dayofweek
df['age'] = (df.t - pd.to_datetime(df.dob)).dt.days / 365.25
df['male'] = (df.gender == 'M').astype(int)
df['log_pop'] = np.log1p(df.city_pop)
lat1, lon1, lat2, lon2 = map(np.radians, [df.lat, df.long, df.merch_lat, df.merch_long])
a = np.sin((lat2-lat1)/2)**2 + np.cos(lat1)*np.cos(lat2)*np.sin((lon2-lon1)/2)**2
df['dist'] = 6371 * 2 * np.arcsin(np.sqrt(a))
df['cat'] = df.category.astype('category').cat.codes

# per-card history, computed in time order (point-in-time: only earlier payments)
g = df.groupby('cc_num', sort=False)
df['prev_gap'] = g.ts.diff().fillna(1e7)
for w, name in [(3600, '1h'), (86400, '24h'), (7*86400, '7d')]:
    cnt = np.zeros(len(df)); sm = np.zeros(len(df))
    for _, idx in g.indices.items():
        t = ts[idx]; amt = df.amt.values[idx]
        cs = np.concatenate([[0], np.cumsum(amt)])
        lo = np.searchsorted(t, t - w, side='left')
        pos = np.arange(len(idx))
        cnt[idx] = pos - lo
        sm[idx] = cs[pos] - cs[lo]
    df['cnt_' + name] = cnt; df['sum_' + name] = sm
cum_mean = g.amt.transform(lambda s: s.shift().expanding().mean()).fillna(df.amt)
df['amt_rel'] = df.amt / cum_mean
df['new_merchant'] = (~df.duplicated(['cc_num', 'merchant'])).astype(int)
df['new_category'] = (~df.duplicated(['cc_num', 'category'])).astype(int)

stateless = ['log_amt', 'cat', 'hour', 'weekday', 'age', 'male', 'log_pop', 'dist']
stateful = stateless + ['prev_gap', 'cnt_1h', 'cnt_24h', 'cnt_7d', 'sum_24h', 'sum_7d', 'amt_rel', 'new_merchant', 'new_category']
cut = int(len(df) * 0.7)
tr, te = df.iloc[:cut], df.iloc[cut:]
print(f"rows {len(df)} frauds {df.is_fraud.sum()} ({df.is_fraud.mean():.4%}); test frauds {te.is_fraud.sum()}")
for name, cols in [('stateless', stateless), ('per-card history', stateful)]:
    spw = (tr.is_fraud == 0).sum() / max(1, tr.is_fraud.sum())
    model = xgb.XGBClassifier(n_estimators=300, max_depth=6, learning_rate=0.1, tree_method='hist', n_jobs=2, scale_pos_weight=spw)
    model.fit(tr[cols], tr.is_fraud)
    p = model.predict_proba(te[cols])[:, 1]
    prec, rec, _ = precision_recall_curve(te.is_fraud, p)
    r_at_p80 = rec[prec >= 0.8].max() if (prec >= 0.8).any() else 0
    f1 = (2 * prec * rec / np.maximum(prec + rec, 1e-12)).max()
    print(f"{name:18s} XGBoost PR-AUC {average_precision_score(te.is_fraud, p):.3f}  ROC-AUC {roc_auc_score(te.is_fraud, p):.3f}  best F1 {f1:.3f}  recall@precision>=0.8 {r_at_p80:.3f}")
