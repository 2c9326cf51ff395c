"""scikit-learn (and the Fraud-Detection Handbook's pandas code) on the arrays the Swift test sends.

stdin: {"scores": [...], "labels": [...], "days": [...], "cards": [...], "threshold": t, "k": k}
stdout: one JSON object of reference figures.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn import metrics

data = json.load(sys.stdin)
scores = np.array(data["scores"], dtype=float)
labels = np.array(data["labels"], dtype=int)
predicted = (scores >= data["threshold"]).astype(int)
k = data["k"]
frame = pd.DataFrame({"predictions": scores, "TX_FRAUD": labels, "TX_TIME_DAYS": data["days"], "CUSTOMER_ID": data["cards"]})


# Fraud-Detection Handbook, chapter 4.2 (precision_top_k_day / card_precision_top_k), verbatim in substance.
def precision_top_k(df, top_k):
    values = []
    for day in sorted(df.TX_TIME_DAYS.unique()):
        day_df = df[df.TX_TIME_DAYS == day].sort_values(by="predictions", ascending=False)
        values.append(day_df.head(top_k).TX_FRAUD.sum() / top_k)
    return float(np.mean(values))


def card_precision_top_k(df, top_k):
    detected = []
    values = []
    for day in sorted(df.TX_TIME_DAYS.unique()):
        day_df = df[df.TX_TIME_DAYS == day][["predictions", "CUSTOMER_ID", "TX_FRAUD"]]
        day_df = day_df[~day_df.CUSTOMER_ID.isin(detected)]
        cards = day_df.groupby("CUSTOMER_ID").max().sort_values(by="predictions", ascending=False).reset_index()
        top = cards.head(top_k)
        hits = list(top[top.TX_FRAUD == 1].CUSTOMER_ID)
        values.append(len(hits) / top_k)
        detected.extend(hits)
    return float(np.mean(values))


fpr, tpr, _ = metrics.roc_curve(labels, scores, drop_intermediate=False)
precision, recall, _ = metrics.precision_recall_curve(labels, scores)
print(json.dumps({
    "accuracy": metrics.accuracy_score(labels, predicted),
    "precision": metrics.precision_score(labels, predicted, zero_division=0),
    "recall": metrics.recall_score(labels, predicted, zero_division=0),
    "f1": metrics.f1_score(labels, predicted, zero_division=0),
    "false_negative_rate": 1 - metrics.recall_score(labels, predicted, zero_division=0),
    "roc_auc": metrics.roc_auc_score(labels, scores),
    "pr_auc": metrics.average_precision_score(labels, scores),
    "precision_at_k": precision_top_k(frame, k),
    "card_precision_at_k": card_precision_top_k(frame, k),
    "roc_fpr": fpr.tolist(),
    "roc_tpr": tpr.tolist(),
    "pr_precision": precision[::-1].tolist(),
    "pr_recall": recall[::-1].tolist(),
}))
