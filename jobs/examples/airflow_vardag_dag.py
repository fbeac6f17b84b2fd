# UNTESTED EXAMPLE: Airflow is not available where Vardag is built, so this DAG has never run.
# It shows the intended shape: one task per night calling the same script cron calls, with
# Airflow's logical date as the as-of date, and the exit codes mapped to Airflow outcomes.
#
# Exit codes (README): 0 ok, 2 bad arguments/configuration, 3 input contract broken,
# 4 quality gate failed, 5 delivery failed (tables published, mail pending), 6 already running.
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="vardag_nightly",
    schedule="15 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=20)},
) as dag:
    BashOperator(
        task_id="nightly",
        # {{ ds }} is the logical date: the day before the run, as cron's 'yesterday'.
        bash_command=(
            "cd /opt/vardag && jobs/nightly.sh --as-of {{ ds }} "
            "--config /etc/vardag/vardag.conf --input /data/vardag/in --output /data/vardag/out"
        ),
        env={"VARDAG_LOG_DIR": "/var/log/vardag"},
        append_env=True,
        # Airflow fails the task on any non-zero exit; 6 (another run holds the lock) is worth a retry.
    )
