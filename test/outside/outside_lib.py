"""Helpers for the outside-clients stage: Debian's AWS CLI (/usr/bin/aws) and boto3 against the local endpoint.

Nothing of the project runs here: the clients are botocore's, the endpoint is a separate process, and the
runner (run.mjs) checks every raw request and response on the wire against botocore's own service model.
"""
import json
import os
import subprocess
import time
import urllib.request

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

URL = os.environ["OUTSIDE_URL"]
S3_URL = URL + "/s3"
KEY = os.environ.get("OUTSIDE_ACCESS_KEY_ID") or "local"
SECRET = "outside-test-secret"
REGION = "us-east-1"
WORK = os.environ["OUTSIDE_WORK"]
ACCOUNT = "111122223333"
AWS = "/usr/bin/aws"

# The CLI reads nothing from the user's own files.
CLI_ENV = {
    "PATH": "/usr/bin:/bin",
    "HOME": WORK,
    "AWS_ACCESS_KEY_ID": KEY,
    "AWS_SECRET_ACCESS_KEY": SECRET,
    "AWS_DEFAULT_REGION": REGION,
    "AWS_CONFIG_FILE": os.path.join(WORK, "no-config"),
    "AWS_SHARED_CREDENTIALS_FILE": os.path.join(WORK, "no-credentials"),
    "AWS_PAGER": "",
    "AWS_EC2_METADATA_DISABLED": "true",
}


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def client():
    return boto3.client(
        "codedeploy",
        endpoint_url=URL,
        region_name=REGION,
        aws_access_key_id=KEY,
        aws_secret_access_key=SECRET,
        config=Config(retries={"max_attempts": 1}),
    )


CD = client()


def aws(*args, ok=True, s3=False):
    """Runs the AWS CLI; returns parsed JSON output (or text); with ok=False returns (code, stderr)."""
    cmd = [AWS, *args, "--endpoint-url", S3_URL if s3 else URL, "--region", REGION, "--output", "json"]
    r = subprocess.run(cmd, env=CLI_ENV, capture_output=True, text=True, timeout=120)
    if not ok:
        return r.returncode, r.stderr
    if r.returncode != 0:
        raise Failure(f"aws {' '.join(args[:2])} exited {r.returncode}: {r.stderr.strip()[:400]}")
    out = r.stdout.strip()
    if not out:
        return None
    try:
        return json.loads(out)
    except ValueError:
        return out


def error_code(fn, *args, **kwargs):
    """The service error code of a boto3 call that must fail."""
    try:
        fn(*args, **kwargs)
    except CD.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    raise Failure(f"{fn.__name__} succeeded but should have failed")


def deployment(dep_id):
    return CD.get_deployment(deploymentId=dep_id)["deploymentInfo"]


def wait_for(dep_id, statuses, timeout=90.0):
    """Polls GetDeployment until the status is one of `statuses` (fails on another final status)."""
    final = {"Succeeded", "Failed", "Stopped"}
    deadline = time.time() + timeout
    info = None
    while time.time() < deadline:
        info = deployment(dep_id)
        if info["status"] in statuses:
            return info
        if info["status"] in final:
            err = info.get("errorInformation", {})
            raise Failure(f"{dep_id} ended {info['status']} waiting for {statuses}: {err}")
        time.sleep(0.1)
    raise Failure(f"{dep_id} still {info and info['status']} after {timeout}s waiting for {statuses}")


def hook_executions(dep_id):
    """Contract C2's local-only discovery route, signed like an API call (same key)."""
    url = f"{URL}/_local/hook-executions?deploymentId={dep_id}"
    req = AWSRequest(method="GET", url=url)
    SigV4Auth(Credentials(KEY, SECRET), "codedeploy", REGION).add_auth(req)
    with urllib.request.urlopen(urllib.request.Request(url, headers=dict(req.headers.items())), timeout=10) as r:
        return json.loads(r.read().decode("utf-8"))["executions"]


def wait_hook(dep_id, event, timeout=60.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for e in hook_executions(dep_id):
            if e["lifecycleEventName"] == event:
                return e
        info = deployment(dep_id)
        if info["status"] in ("Succeeded", "Failed", "Stopped"):
            raise Failure(f"{dep_id} ended {info['status']} before its {event} hook waited: {info.get('errorInformation')}")
        time.sleep(0.1)
    raise Failure(f"no pending {event} hook execution for {dep_id} within {timeout}s")


def app_arn(name):
    return f"arn:aws:codedeploy:{REGION}:{ACCOUNT}:application:{name}"


def group_arn(app, group):
    return f"arn:aws:codedeploy:{REGION}:{ACCOUNT}:deploymentgroup:{app}/{group}"


ROLE = f"arn:aws:iam::{ACCOUNT}:role/CodeDeployServiceRole"


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


SCENARIOS = []


def scenario(fn):
    """Registers a scenario of the stage (scenarios.py and the modules it imports)."""
    SCENARIOS.append(fn)
    return fn
