"""Checks orchestration/airflow/fraud_retrain_dag.py without Apache Airflow: stand-in airflow modules record the DAG,
then the tasks, their order and their rendered Bash commands are checked (rendering needs jinja2, else it is skipped).

The DAG is loaded twice, against the module layouts of Airflow 3 (task SDK, standard provider) and of Airflow 2.
Usage: python3 check_dag.py DAG_FILE. Prints one JSON object: the layouts, the task order and each rendered command.
Exits 1 with the reason on the first problem.
"""
import importlib.util
import json
import subprocess
import sys
import types

EXPECTED_ORDER = ["wait_for_labels", "training_set", "train", "validate", "register", "promote"]
EXPECTED_COMMANDS = {
    "training_set": "fraud models training-set",
    "train": "fraud train",
    "validate": "fraud evaluate",
    "register": "fraud models import",
    "promote": "fraud models promote",
}


class Task:
    def __init__(self, task_id, **arguments):
        self.task_id = task_id
        self.arguments = arguments
        self.downstream = []
        DAG.current.tasks[task_id] = self

    def __rshift__(self, other):
        self.downstream.append(other)
        return other


class DAG:
    current = None

    def __init__(self, dag_id, **arguments):
        self.dag_id = dag_id
        self.arguments = arguments
        self.tasks = {}

    def __enter__(self):
        DAG.current = self
        return self

    def __exit__(self, *exception):
        return False


class Param:
    def __init__(self, default, **schema):
        self.default = default
        self.schema = schema


class Variable:
    values = {}

    @classmethod
    def get(cls, key, default_var=None):
        return cls.values.get(key, default_var)


class Airflow3Variable:
    values = {}

    @classmethod
    def get(cls, key, default=None):
        return cls.values.get(key, default)


BASH = {"BashOperator": type("BashOperator", (Task,), {})}
SENSOR = {"PythonSensor": type("PythonSensor", (Task,), {})}
# The module layouts of Airflow 3 (task SDK, standard provider) and Airflow 2; the DAG must load with either.
LAYOUTS = {
    "airflow3": {
        "airflow": {}, "airflow.sdk": {"DAG": DAG, "Param": Param, "Variable": Airflow3Variable},
        "airflow.providers": {}, "airflow.providers.standard": {}, "airflow.providers.standard.operators": {},
        "airflow.providers.standard.operators.bash": BASH, "airflow.providers.standard.sensors": {},
        "airflow.providers.standard.sensors.python": SENSOR,
    },
    "airflow2": {
        "airflow": {"DAG": DAG}, "airflow.models": {"Variable": Variable}, "airflow.models.param": {"Param": Param},
        "airflow.operators": {}, "airflow.operators.bash": BASH, "airflow.sensors": {}, "airflow.sensors.python": SENSOR,
    },
}


def install_stand_ins(layout):
    for name in [name for name in sys.modules if name == "airflow" or name.startswith("airflow.")]:
        del sys.modules[name]
    for name, attributes in LAYOUTS[layout].items():
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        sys.modules[name] = module


def fail(reason):
    print(reason, file=sys.stderr)
    sys.exit(1)


def render(dag, command, environment):
    """The command and environment as Airflow would render them for a manual run with default params and variables."""
    import jinja2

    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    jinja.filters.update(dag.arguments.get("user_defined_filters", {}))
    params = {name: param.default for name, param in dag.arguments["params"].items()}
    variables = types.SimpleNamespace(value=types.SimpleNamespace(get=lambda key, default=None: default))
    context = {"params": params, "var": variables, "run_id": "manual__2026-11-01T00:00:00+00:00"}
    return jinja.from_string(command).render(context), {k: jinja.from_string(v).render(context) for k, v in environment.items()}


def load(path, layout):
    """The DAG defined by `path`, imported against the stand-in modules of `layout`."""
    install_stand_ins(layout)
    spec = importlib.util.spec_from_file_location("fraud_retrain_dag_" + layout, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if module.variable("fraud_bin", "default") != "default":
        fail(f"{layout}: variable() does not fall back to its default")
    return module.dag


def main():
    results = {layout: check(load(sys.argv[1], layout), layout) for layout in LAYOUTS}
    first, *others = results.values()
    if any(other != first for other in others):
        fail(f"the DAG differs between the module layouts {list(results)}")
    print(json.dumps({"layouts": list(results), **first}))


def check(dag, layout):
    """The task order and the rendered commands, after checking them; exits on the first problem."""
    if dag.dag_id != "fraud_retrain":
        fail(f"{layout}: dag_id is {dag.dag_id!r}, expected 'fraud_retrain'")
    order, task = [], dag.tasks.get("wait_for_labels")
    while task is not None:
        order.append(task.task_id)
        if len(task.downstream) > 1:
            fail(f"{layout}: {task.task_id} has {len(task.downstream)} downstream tasks, expected a chain")
        task = task.downstream[0] if task.downstream else None
    if order != EXPECTED_ORDER or sorted(dag.tasks) != sorted(EXPECTED_ORDER):
        fail(f"{layout}: task chain {order} (tasks {sorted(dag.tasks)}), expected {EXPECTED_ORDER}")
    if not callable(dag.tasks["wait_for_labels"].arguments.get("python_callable")):
        fail(f"{layout}: wait_for_labels has no python_callable")
    rendered = {}
    try:
        import jinja2  # noqa: F401
    except ImportError:
        print("jinja2 is not installed: commands not rendered", file=sys.stderr)
        return {"order": order, "rendered": None}
    for task_id, expected in EXPECTED_COMMANDS.items():
        arguments = dag.tasks[task_id].arguments
        command, environment = render(dag, arguments["bash_command"], arguments.get("env", {}))
        if expected not in command:
            fail(f"{layout}: {task_id}: the rendered command does not run '{expected}': {command}")
        syntax = subprocess.run(["bash", "-n", "-c", command], capture_output=True, text=True)
        if syntax.returncode != 0:
            fail(f"{layout}: {task_id}: bash rejects the rendered command: {syntax.stderr.strip()}: {command}")
        rendered[task_id] = {"command": command, "env": environment}
    return {"order": order, "rendered": rendered}


if __name__ == "__main__":
    main()
