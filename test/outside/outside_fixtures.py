"""Shared builders of the outside-clients scenarios: AppSpecs, bundles, uploads and the groups they deploy to."""
import io
import json
import os
import zipfile

from outside_lib import CD, ROLE, WORK, aws

BUCKET = "outside-revisions"


def lambda_yaml(function, current, target, hooks=True):
    """A Lambda AppSpec in YAML; each scenario uses its own function (the alias must point at CurrentVersion)."""
    text = f"""version: 0.0
Resources:
  - ordersFn:
      Type: AWS::Lambda::Function
      Properties:
        Name: {function}
        Alias: live
        CurrentVersion: "{current}"
        TargetVersion: "{target}"
"""
    if hooks:
        text += """Hooks:
  - BeforeAllowTraffic: outside-check-before
  - AfterAllowTraffic: outside-check-after
"""
    return text


LAMBDA_JSON = json.dumps({
    "version": 0.0,
    "Resources": [{"ordersFn": {"Type": "AWS::Lambda::Function", "Properties": {
        "Name": "outside-orders-json", "Alias": "live", "CurrentVersion": "4", "TargetVersion": "5"}}}],
}, indent=2)

ECS_RESOURCE = {"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
    "TaskDefinition": "arn:aws:ecs:us-east-1:111122223333:task-definition/outside-web:7",
    "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 80}}}}

ECS_YAML = """version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/outside-web:7"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 80
"""

EC2_YAML = """version: 0.0
os: linux
files:
  - source: /
    destination: /var/www/outside
hooks:
  ApplicationStart:
    - location: scripts/start.sh
      timeout: 60
"""

EC2_JSON = json.dumps({"version": 0.0, "os": "linux", "files": [{"source": "/", "destination": "/var/www/outside"}],
                       "hooks": {"ApplicationStart": [{"location": "scripts/start.sh", "timeout": 60}]}})


def bundle(appspec_text):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("appspec.yml", appspec_text)
        z.writestr("scripts/start.sh", "#!/bin/bash\necho started\n")
    return buf.getvalue()


def upload(name, data):
    path = os.path.join(WORK, name)
    with open(path, "wb") as f:
        f.write(data)
    aws("s3", "cp", path, f"s3://{BUCKET}/{name}", s3=True)
    kind = {"zip": "zip", "tar": "tar", "tgz": "tgz", "yaml": "YAML", "yml": "YAML", "json": "JSON"}
    return {"revisionType": "S3", "s3Location": {"bucket": BUCKET, "key": name,
                                                 "bundleType": kind[name.rsplit(".", 1)[-1]]}}


def content(text):
    return {"revisionType": "AppSpecContent", "appSpecContent": {"content": text}}


def ensure(create, **kwargs):
    """Creates a resource unless an earlier scenario did (each scenario can run on its own)."""
    try:
        create(**kwargs)
    except CD.exceptions.ClientError as e:
        if not e.response["Error"]["Code"].endswith("AlreadyExistsException"):
            raise


def lambda_app():
    ensure(CD.create_application, applicationName="outside-lambda-app", computePlatform="Lambda")


def lambda_group(app, group, config="CodeDeployDefault.LambdaAllAtOnce", tags=None):
    lambda_app()
    ensure(
        CD.create_deployment_group,
        applicationName=app, deploymentGroupName=group, serviceRoleArn=ROLE, deploymentConfigName=config,
        deploymentStyle={"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"},
        autoRollbackConfiguration={"enabled": True, "events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST"]},
        tags=tags or [])


def ecs_group(app, group, ready_wait, termination_minutes, tags=None):
    ensure(CD.create_application, applicationName=app, computePlatform="ECS")
    ready = ({"actionOnTimeout": "STOP_DEPLOYMENT", "waitTimeInMinutes": 30} if ready_wait
             else {"actionOnTimeout": "CONTINUE_DEPLOYMENT"})
    ensure(
        CD.create_deployment_group,
        applicationName=app, deploymentGroupName=group, serviceRoleArn=ROLE,
        deploymentConfigName="CodeDeployDefault.ECSAllAtOnce",
        deploymentStyle={"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"},
        blueGreenDeploymentConfiguration={
            "deploymentReadyOption": ready,
            "terminateBlueInstancesOnDeploymentSuccess": {"action": "TERMINATE",
                                                          "terminationWaitTimeInMinutes": termination_minutes}},
        ecsServices=[{"serviceName": f"{group}-svc", "clusterName": "outside-cluster"}],
        loadBalancerInfo={"targetGroupPairInfoList": [{
            "targetGroups": [{"name": f"{group}-blue"}, {"name": f"{group}-green"}],
            "prodTrafficRoute": {"listenerArns": [
                f"arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/{group}/1a2b3c4d5e6f7a8b/9c8d7e6f5a4b3c2d"]}}]},
        tags=tags or [])


def ec2_group():
    ensure(CD.create_application, applicationName="outside-ec2-app", computePlatform="Server")
    ensure(CD.create_deployment_group, applicationName="outside-ec2-app", deploymentGroupName="outside-ec2",
           serviceRoleArn=ROLE, deploymentConfigName="CodeDeployDefault.AllAtOnce",
           ec2TagFilters=[{"Key": "Environment", "Value": "production", "Type": "KEY_AND_VALUE"}])
