"""Scenarios of the outside-clients stage, written against the CodeDeploy API reference and botocore's model.

Each scenario prints `ok - NAME` or `not ok - NAME: reason`; the last line is `N passed, N failed`.
Run through test/outside/run.mjs, which starts the endpoint and checks the wire.
"""
import json
import sys
import time
import traceback
import urllib.error
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from outside_fixtures import (BUCKET, EC2_JSON, EC2_YAML, ECS_RESOURCE, ECS_YAML, LAMBDA_JSON, bundle, content,
                              ec2_group, ecs_group, ensure, lambda_group, lambda_yaml, upload)
from outside_lib import (CD, KEY, REGION, ROLE, SECRET, URL, Failure, SCENARIOS, app_arn, aws, check, deployment,
                         error_code, group_arn, scenario, wait_for, wait_hook)


@scenario
def s3_cp_and_ls_on_the_revision_store():
    upload("probe.zip", bundle(EC2_YAML))
    listing = aws("s3", "ls", f"s3://{BUCKET}/", s3=True)
    check(isinstance(listing, str) and "probe.zip" in listing, f"aws s3 ls does not show probe.zip: {listing!r}")


@scenario
def every_operation_of_the_model_is_known():
    unknown = []
    for op in CD.meta.service_model.operation_names:
        req = AWSRequest(method="POST", url=URL + "/", data=b"{}", headers={
            "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": f"CodeDeploy_20141006.{op}"})
        SigV4Auth(Credentials(KEY, SECRET), "codedeploy", REGION).add_auth(req)
        try:
            with urllib.request.urlopen(urllib.request.Request(URL + "/", data=b"{}", method="POST",
                                                               headers=dict(req.headers.items())), timeout=10):
                continue
        except urllib.error.HTTPError as e:
            if "UnknownOperationException" in e.read().decode("utf-8", "replace"):
                unknown.append(op)
    check(not unknown, f"{len(unknown)} operations answer UnknownOperationException: {', '.join(unknown)}")


@scenario
def tags_on_applications_and_groups():
    CD.create_application(applicationName="outside-tagged-app", computePlatform="Lambda",
                          tags=[{"Key": "team", "Value": "outside"}])
    tags = CD.list_tags_for_resource(ResourceArn=app_arn("outside-tagged-app"))["Tags"]
    check({"Key": "team", "Value": "outside"} in tags, f"CreateApplication tags not kept: {tags}")
    aws("deploy", "tag-resource", "--resource-arn", app_arn("outside-tagged-app"), "--tags", "Key=cost,Value=42")
    CD.untag_resource(ResourceArn=app_arn("outside-tagged-app"), TagKeys=["team"])
    tags = CD.list_tags_for_resource(ResourceArn=app_arn("outside-tagged-app"))["Tags"]
    check(tags == [{"Key": "cost", "Value": "42"}], f"tags after tag/untag: {tags}")
    lambda_group("outside-tagged-app", "outside-tagged", tags=[{"Key": "tier", "Value": "gold"}])
    tags = CD.list_tags_for_resource(ResourceArn=group_arn("outside-tagged-app", "outside-tagged"))["Tags"]
    check({"Key": "tier", "Value": "gold"} in tags, f"CreateDeploymentGroup tags not kept: {tags}")


@scenario
def lambda_deployment_from_yaml_appspec_content():
    lambda_group("outside-lambda-app", "outside-lambda")
    dep = CD.create_deployment(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda",
                               revision=content(lambda_yaml("outside-orders", 3, 4)))["deploymentId"]
    info = wait_for(dep, {"Succeeded"})
    check(info["creator"] == "user", f"creator {info['creator']}")
    target = CD.batch_get_deployment_targets(deploymentId=dep, targetIds=["outside-orders"])["deploymentTargets"][0]
    fn = target["lambdaTarget"]["lambdaFunctionInfo"]
    check(fn["targetVersion"] == "4" and fn["targetVersionWeight"] == 100.0, f"lambda target {fn}")
    group = CD.get_deployment_group(applicationName="outside-lambda-app",
                                    deploymentGroupName="outside-lambda")["deploymentGroupInfo"]
    check(group.get("targetRevision", {}).get("revisionType") == "AppSpecContent",
          f"targetRevision after success: {group.get('targetRevision')}")


@scenario
def lambda_deployment_from_json_appspec_in_s3():
    lambda_group("outside-lambda-app", "outside-lambda")
    rev = upload("lambda-appspec.json", LAMBDA_JSON.encode("utf-8"))
    out = aws("deploy", "create-deployment", "--application-name", "outside-lambda-app",
              "--deployment-group-name", "outside-lambda", "--revision", json.dumps(rev))
    info = wait_for(out["deploymentId"], {"Succeeded"})
    check(info["revision"]["s3Location"]["bundleType"] == "JSON", f"revision {info['revision']}")


@scenario
def stop_and_roll_back():
    lambda_group("outside-lambda-app", "outside-lambda-slow", config="CodeDeployDefault.LambdaLinear10PercentEvery10Minutes")
    dep = CD.create_deployment(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda-slow",
                               revision=content(lambda_yaml("outside-slow", 1, 2, hooks=False)))["deploymentId"]
    wait_for(dep, {"InProgress"})
    out = aws("deploy", "stop-deployment", "--deployment-id", dep, "--auto-rollback-enabled")
    check(out["status"] in ("Pending", "Succeeded"), f"stop-deployment answered {out}")
    info = wait_for(dep, {"Stopped"})
    rollback = info.get("rollbackInfo", {}).get("rollbackDeploymentId")
    check(rollback, f"no rollback deployment: {info.get('rollbackInfo')}")
    back = wait_for(rollback, {"Succeeded"})
    check(back["creator"] == "codeDeployRollback", f"rollback creator {back['creator']}")
    check(back.get("rollbackInfo", {}).get("rollbackTriggeringDeploymentId") == dep, f"{back.get('rollbackInfo')}")


@scenario
def lambda_hook_callbacks_with_put_lifecycle_event_hook_execution_status():
    lambda_group("outside-lambda-app", "outside-lambda-manual", tags=[{"Key": "codedeploy-local:hooks", "Value": "manual"}])
    dep = CD.create_deployment(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda-manual",
                               revision=content(lambda_yaml("outside-manual", 11, 12)))["deploymentId"]
    before = wait_hook(dep, "BeforeAllowTraffic")
    check(before["functionName"] == "outside-check-before", f"execution {before}")
    check(deployment(dep)["status"] == "InProgress", "deployment should wait for the hook")
    out = aws("deploy", "put-lifecycle-event-hook-execution-status", "--deployment-id", dep,
              "--lifecycle-event-hook-execution-id", before["lifecycleEventHookExecutionId"], "--status", "Succeeded")
    check(out["lifecycleEventHookExecutionId"] == before["lifecycleEventHookExecutionId"], f"answer {out}")
    after = wait_hook(dep, "AfterAllowTraffic")
    CD.put_lifecycle_event_hook_execution_status(deploymentId=dep, status="Succeeded",
                                                  lifecycleEventHookExecutionId=after["lifecycleEventHookExecutionId"])
    wait_for(dep, {"Succeeded"})
    code = error_code(CD.put_lifecycle_event_hook_execution_status, deploymentId=dep, status="Succeeded",
                      lifecycleEventHookExecutionId=after["lifecycleEventHookExecutionId"])
    check(code in ("LifecycleEventAlreadyCompletedException", "DeploymentAlreadyCompletedException"), code)


@scenario
def ecs_from_yaml_in_s3_continue_ready_wait_and_termination_wait():
    ecs_group("outside-ecs-app", "outside-ecs", ready_wait=True, termination_minutes=60)
    group = CD.get_deployment_group(applicationName="outside-ecs-app", deploymentGroupName="outside-ecs")
    pairs = group["deploymentGroupInfo"]["loadBalancerInfo"].get("targetGroupPairInfoList", [])
    check(pairs and pairs[0]["targetGroups"][0]["name"] == "outside-ecs-blue", f"loadBalancerInfo {pairs}")
    rev = upload("ecs-appspec.yaml", ECS_YAML.encode("utf-8"))
    dep = CD.create_deployment(applicationName="outside-ecs-app", deploymentGroupName="outside-ecs",
                               revision=rev)["deploymentId"]
    wait_for(dep, {"Ready"})
    aws("deploy", "continue-deployment", "--deployment-id", dep, "--deployment-wait-type", "READY_WAIT")
    t0 = time.time()
    while True:
        code, err = aws("deploy", "continue-deployment", "--deployment-id", dep,
                        "--deployment-wait-type", "TERMINATION_WAIT", ok=False)
        if code == 0:
            break
        check("DeploymentIsNotInReadyStateException" in err or "InvalidDeploymentStatusException" in err, err)
        check(time.time() - t0 < 30, f"never reached the termination wait: {err}")
        time.sleep(0.2)
    wait_for(dep, {"Succeeded"}, timeout=15)
    target = CD.list_deployment_targets(deploymentId=dep)["targetIds"][0]
    sets = CD.get_deployment_target(deploymentId=dep, targetId=target)["deploymentTarget"]["ecsTarget"]["taskSetsInfo"]
    names = {s.get("targetGroup", {}).get("name") for s in sets}
    check(names <= {"outside-ecs-blue", "outside-ecs-green"} and names, f"task set target groups {names}")


@scenario
def ecs_from_json_content_with_a_failed_hook_callback():
    ecs_group("outside-ecs-app", "outside-ecs-manual", ready_wait=False, termination_minutes=0,
              tags=[{"Key": "codedeploy-local:hooks", "Value": "manual"}])
    spec = json.dumps({"version": 0.0, "Resources": [ECS_RESOURCE],
                       "Hooks": [{"AfterAllowTestTraffic": "outside-smoke-test"}]})
    dep = CD.create_deployment(applicationName="outside-ecs-app", deploymentGroupName="outside-ecs-manual",
                               revision=content(spec))["deploymentId"]
    hook = wait_hook(dep, "AfterAllowTestTraffic")
    CD.put_lifecycle_event_hook_execution_status(deploymentId=dep, status="Failed",
                                                  lifecycleEventHookExecutionId=hook["lifecycleEventHookExecutionId"])
    info = wait_for(dep, {"Failed"})
    check(info.get("errorInformation", {}).get("code"), f"no error code: {info.get('errorInformation')}")


@scenario
def ec2_in_place_from_yaml_and_json_bundles():
    ec2_group()
    for name, spec in (("ec2-yaml.zip", EC2_YAML), ("ec2-json.zip", EC2_JSON)):
        dep = CD.create_deployment(applicationName="outside-ec2-app", deploymentGroupName="outside-ec2",
                                   revision=upload(name, bundle(spec)))["deploymentId"]
        info = wait_for(dep, {"Succeeded"})
        check(info["deploymentOverview"]["Succeeded"] >= 1, f"{name}: overview {info['deploymentOverview']}")


@scenario
def on_premises_instance_registered_tagged_and_deployed_to_by_tag():
    name = "outside-onprem-1"
    aws("deploy", "register-on-premises-instance", "--instance-name", name,
        "--iam-user-arn", "arn:aws:iam::111122223333:user/outside-onprem")
    aws("deploy", "add-tags-to-on-premises-instances", "--instance-names", name, "--tags", "Key=Site,Value=outside-lab")
    listed = CD.list_on_premises_instances(registrationStatus="Registered",
                                           tagFilters=[{"Key": "Site", "Value": "outside-lab", "Type": "KEY_AND_VALUE"}])
    check(listed["instanceNames"] == [name], f"list-on-premises-instances: {listed['instanceNames']}")
    info = CD.get_on_premises_instance(instanceName=name)["instanceInfo"]
    check(info["tags"] == [{"Key": "Site", "Value": "outside-lab"}], f"instance {info}")
    ec2_group()
    ensure(CD.create_deployment_group, applicationName="outside-ec2-app", deploymentGroupName="outside-onprem",
           serviceRoleArn=ROLE, deploymentConfigName="CodeDeployDefault.OneAtATime",
           onPremisesInstanceTagFilters=[{"Key": "Site", "Value": "outside-lab", "Type": "KEY_AND_VALUE"}])
    dep = CD.create_deployment(applicationName="outside-ec2-app", deploymentGroupName="outside-onprem",
                               revision=upload("onprem.zip", bundle(EC2_YAML)))["deploymentId"]
    wait_for(dep, {"Succeeded"})
    targets = CD.list_deployment_targets(deploymentId=dep)["targetIds"]
    check(targets == [name], f"deployment targets {targets}")
    aws("deploy", "deregister-on-premises-instance", "--instance-name", name)
    check(CD.get_on_premises_instance(instanceName=name)["instanceInfo"].get("deregisterTime"), "not deregistered")


@scenario
def pagination_and_list_filters():
    configs = aws("deploy", "list-deployment-configs")["deploymentConfigsList"]
    pages, token = [], None
    while True:
        page = CD.list_deployment_configs(**({"nextToken": token} if token else {}))
        pages.append(page["deploymentConfigsList"])
        token = page.get("nextToken")
        if not token:
            break
    flat = [c for p in pages for c in p]
    check(len(pages) > 1 and sorted(flat) == sorted(configs) and len(set(flat)) == len(flat),
          f"{len(pages)} pages, {len(flat)} configs vs CLI {len(configs)}")
    check("CodeDeployDefault.OneAtATime" in flat, "predefined configs missing")
    one = CD.get_deployment_config(deploymentConfigName="CodeDeployDefault.OneAtATime")["deploymentConfigInfo"]
    check(one["minimumHealthyHosts"] == {"type": "MOST_CONCURRENCY", "value": 1}, f"{one['minimumHealthyHosts']}")
    ok = CD.list_deployments(applicationName="outside-lambda-app", deploymentGroupName="outside-lambda",
                             includeOnlyStatuses=["Succeeded"])["deployments"]
    check(len(ok) == 2, f"succeeded deployments of outside-lambda: {ok}")
    now = time.time()
    recent = CD.list_deployments(createTimeRange={"start": now - 3600, "end": now + 3600})["deployments"]
    check(set(ok) <= set(recent), "createTimeRange filter lost deployments")
    code = error_code(CD.list_deployments, applicationName="outside-lambda-app")
    check(code == "DeploymentGroupNameRequiredException", code)
    deps = CD.list_deployments(applicationName="outside-ec2-app", deploymentGroupName="outside-ec2")["deployments"]
    targets = CD.list_deployment_targets(deploymentId=deps[0], targetFilters={"TargetStatus": ["Succeeded"]})
    check(targets["targetIds"], "TargetStatus filter returned nothing")
    none = CD.list_deployment_targets(deploymentId=deps[0], targetFilters={"TargetStatus": ["Failed"]})
    check(none["targetIds"] == [], f"Failed filter: {none['targetIds']}")


@scenario
def application_revisions_register_list_and_batch_get():
    ec2_group()
    rev = upload("registered.zip", bundle(EC2_YAML))
    CD.register_application_revision(applicationName="outside-ec2-app", revision=rev, description="outside")
    listed = CD.list_application_revisions(applicationName="outside-ec2-app", s3Bucket=BUCKET,
                                           sortBy="registerTime", sortOrder="descending")["revisions"]
    check(any(r["s3Location"]["key"] == "registered.zip" for r in listed), f"revisions {listed}")
    got = CD.batch_get_application_revisions(applicationName="outside-ec2-app", revisions=[rev])["revisions"]
    check(got and got[0]["genericRevisionInfo"]["description"] == "outside", f"batch get {got}")
    deployed = CD.list_application_revisions(applicationName="outside-ec2-app", deployed="include")["revisions"]
    check(all(r["s3Location"]["key"] != "registered.zip" for r in deployed), "never-deployed revision listed as deployed")


@scenario
def refuses_what_the_service_refuses():
    ec2_group()
    check(error_code(CD.list_application_revisions, applicationName="outside-ec2-app", sortBy="FOO")
          == "InvalidSortByException", "sortBy FOO")
    code = error_code(CD.create_deployment_group, applicationName="outside-ec2-app", deploymentGroupName="bad-1",
                      serviceRoleArn="not-an-arn")
    check(code == "InvalidRoleException", f"serviceRoleArn not an ARN: {code}")
    code = error_code(CD.create_deployment_group, applicationName="outside-ec2-app", deploymentGroupName="bad-2",
                      serviceRoleArn=ROLE, ec2TagFilters=[{"Key": "a", "Value": "b", "Type": "FOO"}])
    check(code == "InvalidEC2TagException", f"tag filter Type FOO: {code}")
    names = CD.list_deployment_groups(applicationName="outside-ec2-app")["deploymentGroups"]
    check("bad-1" not in names and "bad-2" not in names, f"refused groups were stored: {names}")
    check(CD.list_git_hub_account_token_names()["tokenNameList"] == [], "GitHub token names")


import scenarios_semantics  # noqa: E402,F401  (registers the service-semantics scenarios)
import scenarios_s3  # noqa: E402,F401  (registers the multipart-upload scenarios)


def main():
    passed = failed = 0
    only = set(sys.argv[1:])
    for fn in SCENARIOS:
        if only and fn.__name__ not in only:
            continue
        t0 = time.time()
        try:
            fn()
            passed += 1
            print(f"ok - {fn.__name__} ({time.time() - t0:.1f}s)", flush=True)
        except Failure as e:
            failed += 1
            print(f"not ok - {fn.__name__}: {e}", flush=True)
        except Exception as e:  # a botocore error or a bug in the scenario: report it, go on
            failed += 1
            detail = traceback.format_exception_only(type(e), e)[-1].strip()
            print(f"not ok - {fn.__name__}: {detail}", flush=True)
    print(f"scenarios: {passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
