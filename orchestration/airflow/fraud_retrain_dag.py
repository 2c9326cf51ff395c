"""Retrain the fraud model once enough new labels arrived: an example Apache Airflow DAG.

    wait_for_labels → training_set → train → validate → register → promote

Every step calls the `fraud` command-line tool, so the DAG holds no model logic. Settings come from Airflow
Variables (defaults in brackets); a run may override any of them through the DAG's params of the same name
(`airflow dags trigger fraud_retrain --conf '{"fraud_database_url": "postgres://..."}'`, or the trigger form):

    fraud_bin           the fraud executable                      [fraud]
    fraud_database_url  the store: labels and model registry      [sqlite:./fraud.db]
    fraud_registry_dir  registered artifacts                      [./models/registry]
    fraud_mlflow_url    MLflow tracking server to mirror to       [none: no mirroring]
    fraud_work_dir      where each run writes its files           [/tmp/fraud-retrain]

Other params: training_data (the original training CSVs), validation_data (a recent labelled CSV the new model must
do well on), min_new_labels, min_pr_auc, rounds. A promotion refused by the registry's gate (exit code 2) leaves the
new version as challenger and marks the promote task skipped, not failed.
"""
import json
import shlex
import subprocess
from datetime import datetime, timedelta

try:  # Airflow 3: the task SDK, and operators in the standard provider.
    from airflow.providers.standard.operators.bash import BashOperator
    from airflow.providers.standard.sensors.python import PythonSensor
    from airflow.sdk import DAG, Param, Variable

    def variable(name, default):
        """The Airflow Variable `name`, else `default`."""
        return Variable.get(name, default=default)
except ImportError:  # Airflow 2
    from airflow import DAG
    from airflow.models import Variable
    from airflow.models.param import Param
    from airflow.operators.bash import BashOperator
    from airflow.sensors.python import PythonSensor

    def variable(name, default):
        """The Airflow Variable `name`, else `default`."""
        return Variable.get(name, default_var=default)

DEFAULTS = {
    "fraud_bin": "fraud",
    "fraud_database_url": "sqlite:./fraud.db",
    "fraud_registry_dir": "./models/registry",
    "fraud_mlflow_url": "",
    "fraud_work_dir": "/tmp/fraud-retrain",
}


def setting(name, params):
    """The run's param `name`, else the Airflow Variable, else the default."""
    value = params.get(name)
    return value if value else variable(name, DEFAULTS[name])


def template(name):
    """The same lookup as `setting`, as a Jinja expression for templated fields."""
    return f"(params.{name} or var.value.get('{name}', {DEFAULTS[name]!r}))"


def enough_new_labels(params):
    """The sensor: true once `fraud models new-labels` counts min_new_labels labels since the newest model version."""
    command = [setting("fraud_bin", params), "models", "new-labels", "--json", "--database", setting("fraud_database_url", params)]
    report = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    print(f"{report['new_labels']} new labels since version {report.get('model_version')} ({report.get('since')})")
    return report["new_labels"] >= int(params["min_new_labels"])


FRAUD = "{{ " + template("fraud_bin") + " | sh }}"
RUN_DIR = "{{ (" + template("fraud_work_dir") + " ~ '/' ~ run_id | replace(':', '-') | replace('+', '-')) | sh }}"
# The fraud CLI reads these (empty FRAUD_MLFLOW_URL: no mirroring).
ENVIRONMENT = {
    "FRAUD_DATABASE_URL": "{{ " + template("fraud_database_url") + " }}",
    "FRAUD_REGISTRY_DIR": "{{ " + template("fraud_registry_dir") + " }}",
    "FRAUD_MLFLOW_URL": "{{ " + template("fraud_mlflow_url") + " }}",
}


def fraud_step(task_id, command, **arguments):
    """A Bash step running `fraud` with the run's settings in its environment."""
    return BashOperator(task_id=task_id, bash_command=command, env=ENVIRONMENT, append_env=True, **arguments)


with DAG(
    dag_id="fraud_retrain",
    description="Retrain, validate, register and promote the fraud model once enough new labels arrived.",
    schedule=timedelta(hours=1),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=5)},
    user_defined_filters={"sh": shlex.quote},
    params={
        "training_data": Param(["data/train.csv"], type="array", description="The original training CSVs (fraudTest format)."),
        "validation_data": Param("data/recent.csv", type="string", description="A recent labelled CSV the new model is checked on."),
        "min_new_labels": Param(1000, type="integer", minimum=0, description="New labels since the newest model that start a retrain."),
        "min_pr_auc": Param(0.5, type="number", minimum=0, maximum=1, description="The validate step's floor on pr_auc."),
        "rounds": Param(400, type="integer", minimum=1, description="XGBoost boosting rounds."),
        **{name: Param("", type="string", description=f"Overrides the Variable {name} when set.") for name in DEFAULTS},
    },
    tags=["fraud", "retraining"],
) as dag:
    wait_for_labels = PythonSensor(
        task_id="wait_for_labels", python_callable=enough_new_labels, mode="reschedule", poke_interval=300,
        timeout=12 * 3600, soft_fail=True)

    # Original data plus the analysts' labels from the store (never the system's own predictions).
    training_set = fraud_step(
        "training_set",
        f"mkdir -p {RUN_DIR} && {FRAUD} models training-set --out {RUN_DIR}/training.csv "
        "{% for path in params.training_data %}--data {{ path | sh }} {% endfor %}--json")

    train = fraud_step(
        "train", f"{FRAUD} train --data {RUN_DIR}/training.csv --rounds {{{{ params.rounds | int }}}} --out {RUN_DIR}/model --json")

    check = ('import json, sys; report = json.load(open(sys.argv[1])); floor = float(sys.argv[2]); '
             'print("pr_auc", report["pr_auc"], "floor", floor); '
             'sys.exit(0 if report["pr_auc"] >= floor else "pr_auc below the floor: not registering")')
    validate = fraud_step(
        "validate",
        f"{FRAUD} evaluate --model {RUN_DIR}/model --data {{{{ params.validation_data | sh }}}} --json > {RUN_DIR}/validation.json"
        f" && python3 -c {shlex.quote(check)} {RUN_DIR}/validation.json {{{{ params.min_pr_auc | float }}}}")

    register = fraud_step(
        "register",
        f"{FRAUD} models import {RUN_DIR}/model --challenger --by airflow --description {{{{ ('fraud_retrain ' ~ run_id) | sh }}}}"
        f" --json > {RUN_DIR}/registered.json && cat {RUN_DIR}/registered.json")

    version = 'import json, sys; print(json.load(open(sys.argv[1]))["version"])'
    promote = fraud_step(
        "promote",
        f"version=$(python3 -c {shlex.quote(version)} {RUN_DIR}/registered.json) || exit 1; "
        f"{FRAUD} models promote \"$version\" --by airflow --reason {{{{ ('fraud_retrain ' ~ run_id) | sh }}}} --json; "
        # Exit code 2: the gate refused. 99 marks the task skipped; the version stays challenger.
        "status=$?; if [ $status -eq 2 ]; then exit 99; fi; exit $status",
        skip_on_exit_code=99)

    wait_for_labels >> training_set >> train >> validate >> register >> promote
