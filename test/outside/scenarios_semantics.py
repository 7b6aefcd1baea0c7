"""Scenarios on what the service does, beyond single answers: rollbacks per platform, the fleet after a blue/green
deployment, a group's last deployments, updateOutdatedInstancesOnly, and the errors the model lists.

Written against the CodeDeploy user guide (rollbacks: a new deployment of the last known good revision;
BlueInstanceTerminationOption: the original instances leave the deployment group) and the API reference.
"""
import json
import urllib.error
import urllib.request

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from outside_fixtures import EC2_YAML, bundle, content, ensure, lambda_group, lambda_yaml, upload
from outside_lib import (ACCOUNT, CD, KEY, REGION, ROLE, SECRET, URL, Failure, app_arn, aws, check, deployment,
                         error_code, scenario, wait_for)

BG_APP = "outside-bg-app"

FAILING_EC2_YAML = EC2_YAML.replace("scripts/start.sh", "scripts/fail-start.sh")


def other_client(service):
    return boto3.client(service, endpoint_url=URL, region_name=REGION, aws_access_key_id=KEY,
                        aws_secret_access_key=SECRET, config=Config(retries={"max_attempts": 1}))


def raw_call(operation, body):
    """A signed CodeDeploy call with a body botocore 1.29 would not send (members it does not know)."""
    data = json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": f"CodeDeploy_20141006.{operation}"}
    req = AWSRequest(method="POST", url=URL + "/", data=data, headers=headers)
    SigV4Auth(Credentials(KEY, SECRET), "codedeploy", REGION).add_auth(req)
    try:
        with urllib.request.urlopen(urllib.request.Request(URL + "/", data=data, method="POST",
                                                           headers=dict(req.headers.items())), timeout=10) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def targets_by_label(dep_id):
    """{label: {instance id: [lifecycle event names]}} of an EC2 deployment, through the target API."""
    ids = CD.list_deployment_targets(deploymentId=dep_id)["targetIds"]
    out = {}
    for t in CD.batch_get_deployment_targets(deploymentId=dep_id, targetIds=ids)["deploymentTargets"]:
        it = t["instanceTarget"]
        out.setdefault(it.get("instanceLabel", ""), {})[it["targetId"]] = [e["lifecycleEventName"]
                                                                           for e in it["lifecycleEvents"]]
    return out


def bg_group(name):
    ensure(CD.create_application, applicationName=BG_APP, computePlatform="Server")
    ensure(CD.create_deployment_group, applicationName=BG_APP, deploymentGroupName=name, serviceRoleArn=ROLE,
           deploymentConfigName="CodeDeployDefault.AllAtOnce",
           ec2TagFilters=[{"Key": "Environment", "Value": "bluegreen", "Type": "KEY_AND_VALUE"}],
           deploymentStyle={"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"},
           loadBalancerInfo={"targetGroupInfoList": [{"name": f"{name}-tg"}]},
           blueGreenDeploymentConfiguration={
               "deploymentReadyOption": {"actionOnTimeout": "STOP_DEPLOYMENT", "waitTimeInMinutes": 60},
               "greenFleetProvisioningOption": {"action": "DISCOVER_EXISTING"},
               "terminateBlueInstancesOnDeploymentSuccess": {"action": "TERMINATE", "terminationWaitTimeInMinutes": 0}},
           autoRollbackConfiguration={"enabled": True, "events": ["DEPLOYMENT_FAILURE"]})


def check_rollback_pair(failed_id, ended):
    """Both deployments name each other; the rollback is codeDeployRollback's and succeeds."""
    failed = wait_for(failed_id, {ended})
    rollback_id = failed.get("rollbackInfo", {}).get("rollbackDeploymentId")
    check(rollback_id, f"{failed_id} has no rollback deployment: {failed.get('rollbackInfo')}")
    back = wait_for(rollback_id, {"Succeeded"})
    check(back["creator"] == "codeDeployRollback", f"rollback creator {back['creator']}")
    check(back.get("rollbackInfo", {}).get("rollbackTriggeringDeploymentId") == failed_id,
          f"rollback's rollbackInfo {back.get('rollbackInfo')}")
    return failed, back


@scenario
def ec2_blue_green_rollbacks_reroute_traffic_to_the_original_instances():
    bg_group("outside-bg")
    good = upload("bg-good.zip", bundle(EC2_YAML))
    first = CD.create_deployment(applicationName=BG_APP, deploymentGroupName="outside-bg", revision=good)["deploymentId"]
    wait_for(first, {"Ready"})
    group = CD.get_deployment_group(applicationName=BG_APP, deploymentGroupName="outside-bg")["deploymentGroupInfo"]
    last = group["lastAttemptedDeployment"]
    check(last["deploymentId"] == first and last["status"] == "Ready" and "endTime" not in last,
          f"lastAttemptedDeployment while Ready: {last}")
    aws("deploy", "continue-deployment", "--deployment-id", first, "--deployment-wait-type", "READY_WAIT")
    wait_for(first, {"Succeeded"})
    group = CD.get_deployment_group(applicationName=BG_APP, deploymentGroupName="outside-bg")["deploymentGroupInfo"]
    for key in ("lastAttemptedDeployment", "lastSuccessfulDeployment"):
        check(group[key]["status"] == "Succeeded" and group[key].get("endTime"), f"{key} after success: {group[key]}")
    check(group["targetRevision"]["s3Location"]["key"] == "bg-good.zip", f"targetRevision {group['targetRevision']}")
    labels = targets_by_label(first)
    originals, replacements = set(labels["Blue"]), set(labels["Green"])

    # A failing release: the replacement instances fail, the automatic rollback reroutes to the originals.
    bad = upload("bg-bad.zip", bundle(FAILING_EC2_YAML))
    second = CD.create_deployment(applicationName=BG_APP, deploymentGroupName="outside-bg",
                                  revision=bad)["deploymentId"]
    failed, back = check_rollback_pair(second, "Failed")
    labels2 = targets_by_label(second)
    check(set(labels2["Blue"]) == replacements and not (set(labels2["Blue"]) | set(labels2["Green"])) & originals,
          f"the terminated originals {sorted(originals)} are still in the fleet: {labels2}")
    rb = targets_by_label(back["deploymentId"])
    check(set(rb.get("Green", {})) == replacements, f"rollback reroutes to {rb.get('Green')}, not {replacements}")
    check(set(rb.get("Blue", {})) == set(labels2["Green"]), f"rollback retires {rb.get('Blue')}")
    check(all("AllowTraffic" in ev and "Install" not in ev for ev in rb["Green"].values()), f"events {rb['Green']}")
    check(all("BlockTraffic" in ev for ev in rb["Blue"].values()), f"events {rb['Blue']}")
    check(back["revision"]["s3Location"]["key"] == "bg-good.zip", f"rollback revision {back['revision']}")
    blue = CD.list_deployment_instances(deploymentId=back["deploymentId"], instanceTypeFilter=["Green"])
    check(set(blue["instancesList"]) == replacements, f"ListDeploymentInstances Green: {blue['instancesList']}")

    # Stop and roll back by hand while the replacements wait for traffic.
    third = CD.create_deployment(applicationName=BG_APP, deploymentGroupName="outside-bg",
                                 revision=upload("bg-next.zip", bundle(EC2_YAML + "\n")))["deploymentId"]
    wait_for(third, {"Ready"})
    aws("deploy", "stop-deployment", "--deployment-id", third, "--auto-rollback-enabled")
    stopped, back3 = check_rollback_pair(third, "Stopped")
    check(set(targets_by_label(back3["deploymentId"]).get("Green", {})) == replacements,
          "the manual rollback does not reroute to the original instances")
    group = CD.get_deployment_group(applicationName=BG_APP, deploymentGroupName="outside-bg")["deploymentGroupInfo"]
    check(group["lastSuccessfulDeployment"]["deploymentId"] == back3["deploymentId"], f"{group['lastSuccessfulDeployment']}")
    check(group["targetRevision"]["s3Location"]["key"] == "bg-good.zip", f"targetRevision {group['targetRevision']}")


@scenario
def lambda_rollback_moves_the_alias_back_and_redeploys_the_previous_revision():
    lambda_group("outside-lambda-app", "outside-lambda-rb")
    good = content(lambda_yaml("outside-rb", 1, 2, hooks=False))
    first = CD.create_deployment(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda-rb",
                                 revision=good)["deploymentId"]
    wait_for(first, {"Succeeded"})
    bad = content(lambda_yaml("outside-rb", 2, 3, hooks=False) + "Hooks:\n  - AfterAllowTraffic: outside-fail-check\n")
    second = CD.create_deployment(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda-rb",
                                  revision=bad)["deploymentId"]
    failed, back = check_rollback_pair(second, "Failed")
    check(back["revision"]["appSpecContent"]["sha256"] == deployment(first)["revision"]["appSpecContent"]["sha256"],
          "the rollback does not redeploy the last successful revision")
    t = CD.batch_get_deployment_targets(deploymentId=back["deploymentId"], targetIds=["outside-rb"])
    fn = t["deploymentTargets"][0]["lambdaTarget"]["lambdaFunctionInfo"]
    check((fn["currentVersion"], fn["targetVersion"], fn["targetVersionWeight"]) == ("3", "2", 100.0), f"{fn}")
    alias = other_client("lambda").get_alias(FunctionName="outside-rb", Name="live")
    check(alias["FunctionVersion"] == "2" and not alias.get("RoutingConfig", {}).get("AdditionalVersionWeights"),
          f"alias after the rollback: {alias.get('FunctionVersion')} {alias.get('RoutingConfig')}")
    group = CD.get_deployment_group(applicationName="outside-lambda-app",
                                    deploymentGroupName="outside-lambda-rb")["deploymentGroupInfo"]
    check(group["targetRevision"]["appSpecContent"]["sha256"] == back["revision"]["appSpecContent"]["sha256"],
          "the group's targetRevision is not the restored revision")
    # The failed deployment's AppSpec content stays readable, as for any revision the service was given.
    text = bad["appSpecContent"]["content"]
    got = CD.get_application_revision(applicationName="outside-lambda-app", revision=bad)["revision"]
    check(got["appSpecContent"].get("content") == text, "the failed deployment's AppSpec content was not kept")


@scenario
def ecs_rollback_returns_traffic_to_the_original_task_set():
    app, group, svc = "storefront-ecs", "storefront-staging", "storefront-staging"
    spec = ("version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n"
            "        TaskDefinition: \"arn:aws:ecs:us-east-1:111122223333:task-definition/storefront:{n}\"\n"
            "        LoadBalancerInfo:\n          ContainerName: \"storefront\"\n          ContainerPort: 8080\n")
    ecs = other_client("ecs")

    def primary_task_set():
        return ecs.describe_services(cluster="storefront-cluster", services=[svc])["services"][0]["taskSets"][0]["id"]

    def sets(dep_id):
        target = CD.list_deployment_targets(deploymentId=dep_id)["targetIds"][0]
        return CD.get_deployment_target(deploymentId=dep_id, targetId=target)["deploymentTarget"]["ecsTarget"][
            "taskSetsInfo"]

    first = CD.create_deployment(applicationName=app, deploymentGroupName=group,
                                 revision=content(spec.format(n=50)))["deploymentId"]
    wait_for(first, {"Ready"})
    original = next(s for s in sets(first) if s["taskSetLabel"] == "Blue")["identifer"]
    check(original == primary_task_set(), f"deployment's original task set {original} is not the service's")
    CD.continue_deployment(deploymentId=first, deploymentWaitType="READY_WAIT")
    wait_for(first, {"Succeeded"})
    serving = next(s for s in sets(first) if s["status"] == "PRIMARY")["identifer"]
    check(serving == primary_task_set(), f"the service does not run the deployment's task set {serving}")

    second = CD.create_deployment(applicationName=app, deploymentGroupName=group,
                                  revision=content(spec.format(n=51)))["deploymentId"]
    wait_for(second, {"Ready"})
    before = {s["taskSetLabel"]: s["identifer"] for s in sets(second)}
    check(before["Blue"] == serving, f"the second deployment's original task set {before} is not {serving}")
    CD.stop_deployment(deploymentId=second, autoRollbackEnabled=True)
    stopped, back = check_rollback_pair(second, "Stopped")
    after = sets(back["deploymentId"])
    check([(s["identifer"], s["status"], s["trafficWeight"]) for s in after] == [(serving, "PRIMARY", 100.0)],
          f"after the rollback the task sets are {after}, not the original {serving} alone")
    check(primary_task_set() == serving, "the service's task set changed through the rollback")
    check(back["revision"]["appSpecContent"]["sha256"] == deployment(first)["revision"]["appSpecContent"]["sha256"],
          "the rollback does not redeploy the last successful revision")


@scenario
def update_outdated_instances_only_skips_instances_on_the_revision():
    ensure(CD.create_application, applicationName="outside-ec2-app", computePlatform="Server")
    ensure(CD.create_deployment_group, applicationName="outside-ec2-app", deploymentGroupName="outside-outdated",
           serviceRoleArn=ROLE, deploymentConfigName="CodeDeployDefault.AllAtOnce",
           ec2TagFilters=[{"Key": "Environment", "Value": "production", "Type": "KEY_AND_VALUE"}])
    rev = upload("outdated-1.zip", bundle(EC2_YAML))

    def deploy(revision, outdated_only):
        dep = CD.create_deployment(applicationName="outside-ec2-app", deploymentGroupName="outside-outdated",
                                   revision=revision, updateOutdatedInstancesOnly=outdated_only)["deploymentId"]
        return wait_for(dep, {"Succeeded"})

    first = deploy(rev, False)
    check(first["deploymentOverview"]["Succeeded"] == 4, f"first: {first['deploymentOverview']}")
    again = deploy(rev, True)
    check(again["updateOutdatedInstancesOnly"] is True, "updateOutdatedInstancesOnly not kept")
    check(again["deploymentOverview"]["Skipped"] == 4 and again["deploymentOverview"]["Succeeded"] == 0,
          f"same revision, outdated only: {again['deploymentOverview']}")
    newer = deploy(upload("outdated-2.zip", bundle(EC2_YAML + "\n")), True)
    check(newer["deploymentOverview"]["Succeeded"] == 4, f"new revision, outdated only: {newer['deploymentOverview']}")


@scenario
def errors_the_model_lists_for_each_operation():
    lambda_dep = CD.list_deployments(applicationName="orders-api-lambda", deploymentGroupName="orders-api-live",
                                     includeOnlyStatuses=["Succeeded"])["deployments"][0]
    for call, kwargs in ((CD.list_deployment_instances, {}), (CD.get_deployment_instance, {"instanceId": "x"}),
                         (CD.batch_get_deployment_instances, {"instanceIds": ["x"]})):
        code = error_code(call, deploymentId=lambda_dep, **kwargs)
        check(code == "InvalidComputePlatformException", f"{call.__name__} on a Lambda deployment: {code}")
    code = error_code(CD.list_deployment_targets, deploymentId=lambda_dep, targetFilters={"Color": ["Blue"]})
    check(code == "InvalidTargetFilterNameException", f"unknown target filter: {code}")
    foreign = f"arn:aws:codedeploy:{REGION}:999999999999:application:checkout-web"
    elsewhere = f"arn:aws:codedeploy:eu-west-3:{ACCOUNT}:application:checkout-web"
    for arn in (foreign, elsewhere):
        check(error_code(CD.list_tags_for_resource, ResourceArn=arn) == "ArnNotSupportedException", arn)
        check(error_code(CD.tag_resource, ResourceArn=arn, Tags=[{"Key": "k", "Value": "v"}])
              == "ArnNotSupportedException", arn)
        check(error_code(CD.untag_resource, ResourceArn=arn, TagKeys=["k"]) == "ArnNotSupportedException", arn)
    code = error_code(CD.create_deployment_group, applicationName="checkout-web", deploymentGroupName="bad-role",
                      serviceRoleArn="arn:aws:iam::999999999999:role/CodeDeployServiceRole")
    check(code == "AccessDeniedException", f"serviceRoleArn of another account: {code}")
    code = error_code(CD.list_tags_for_resource, ResourceArn=app_arn("outside-no-such-app"))
    check(code == "InvalidArnException", f"ListTagsForResource of an unknown application: {code}")
    zonal = (("Lambda", {"firstZoneMonitorDurationInSeconds": 60}),
             ("Server", {"monitorDurationInSeconds": -1}),
             ("Server", {"minimumHealthyHostsPerZone": {"type": "FOO", "value": 1}}),
             ("Server", {"minimumHealthyHostsPerZone": {"type": "FLEET_PERCENT", "value": 150}}))
    for n, (platform, zc) in enumerate(zonal):
        body = {"deploymentConfigName": f"outside-zonal-{n}", "computePlatform": platform, "zonalConfig": zc}
        body.update({"minimumHealthyHosts": {"type": "HOST_COUNT", "value": 1}} if platform == "Server"
                    else {"trafficRoutingConfig": {"type": "AllAtOnce"}})
        status, answer = raw_call("CreateDeploymentConfig", body)
        check(status == 400 and answer.get("__type", "").endswith("InvalidZonalDeploymentConfigurationException"),
              f"zonalConfig {zc} on {platform}: {status} {answer}")
    ok = {"deploymentConfigName": "outside-zonal-ok", "minimumHealthyHosts": {"type": "HOST_COUNT", "value": 1},
          "zonalConfig": {"firstZoneMonitorDurationInSeconds": 300, "monitorDurationInSeconds": 60,
                          "minimumHealthyHostsPerZone": {"type": "FLEET_PERCENT", "value": 50}}}
    status, answer = raw_call("CreateDeploymentConfig", ok)
    check(status == 200, f"a valid zonalConfig was refused: {answer}")
    status, answer = raw_call("GetDeploymentConfig", {"deploymentConfigName": "outside-zonal-ok"})
    check(answer["deploymentConfigInfo"].get("zonalConfig") == ok["zonalConfig"], f"zonalConfig not kept: {answer}")


@scenario
def a_refused_create_deployment_leaves_no_trace():
    lambda_group("outside-lambda-app", "outside-lambda")
    spec = lambda_yaml("outside-untraced", 1, 2)
    before = CD.list_deployments(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda")
    code = error_code(CD.create_deployment, applicationName="outside-lambda-app", deploymentGroupName="outside-lambda",
                      revision=content(spec), deploymentConfigName="outside-no-such-config")
    check(code == "DeploymentConfigDoesNotExistException", code)
    code = error_code(CD.create_deployment, applicationName="outside-lambda-app", deploymentGroupName="outside-lambda",
                      revision=content(spec), description="x" * 5000)
    check(code == "DescriptionTooLongException", code)
    after = CD.list_deployments(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda")
    check(after["deployments"] == before["deployments"], "a refused CreateDeployment added a deployment")
    check(error_code(CD.get_application_revision, applicationName="outside-lambda-app", revision=content(spec))
          == "RevisionDoesNotExistException", "a refused CreateDeployment registered its revision")
    # A deployment the service accepts but that fails on its AppSpec keeps the content it was given.
    broken = content("version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n")
    dep = CD.create_deployment(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda",
                               revision=broken)["deploymentId"]
    failed = wait_for(dep, {"Failed"})
    check(failed.get("errorInformation", {}).get("code"), f"no error code: {failed.get('errorInformation')}")
    got = CD.get_application_revision(applicationName="outside-lambda-app", revision=broken)["revision"]
    check(got["appSpecContent"].get("content") == broken["appSpecContent"]["content"],
          f"the failed deployment's AppSpec content is not readable: {got}")
    lam = other_client("lambda")
    try:
        lam.get_alias(FunctionName="outside-untraced", Name="live")
        raise Failure("a refused CreateDeployment created the Lambda alias")
    except lam.exceptions.ResourceNotFoundException:
        pass
