/**
 * Elastic Load Balancing v2's DescribeTargetGroups (query protocol: a form-encoded POST, an XML
 * answer), the one ELB call the ECS account checks make: do the deployment group's target groups
 * exist? Any name or ARN that is not there fails the whole call with `TargetGroupNotFound` (HTTP 400),
 * as the service does.
 */
import type { AccessPolicy } from './access';
import { denial } from './access';
import type { ComputeResources } from './resources';
import type { TargetGroupRecord } from './types';

const NS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
/** model (DescribeTargetGroups): PageSize 1..400; at most 20 names or ARNs. */
const MAX_PAGE = 400;
const MAX_FILTER = 20;

export interface XmlAnswer {
  status: number;
  xml: string;
}

function esc(text: string | number): string {
  return String(text).replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function errorXml(code: string, message: string, requestId: string, status = 400): XmlAnswer {
  return {
    status,
    xml: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

function targetGroupXml(t: TargetGroupRecord): string {
  const lbs = t.loadBalancerArns.map((a) => `<member>${esc(a)}</member>`).join('');
  return (
    '<member>' +
    `<TargetGroupArn>${esc(t.arn)}</TargetGroupArn><TargetGroupName>${esc(t.name)}</TargetGroupName>` +
    `<Protocol>${t.protocol}</Protocol><Port>${t.port}</Port><VpcId>${esc(t.vpcId)}</VpcId>` +
    `<HealthCheckProtocol>${t.protocol === 'TCP' ? 'TCP' : 'HTTP'}</HealthCheckProtocol><HealthCheckPort>traffic-port</HealthCheckPort>` +
    '<HealthCheckEnabled>true</HealthCheckEnabled><HealthCheckIntervalSeconds>30</HealthCheckIntervalSeconds>' +
    '<HealthCheckTimeoutSeconds>5</HealthCheckTimeoutSeconds><HealthyThresholdCount>5</HealthyThresholdCount>' +
    `<UnhealthyThresholdCount>2</UnhealthyThresholdCount><HealthCheckPath>${esc(t.healthCheckPath)}</HealthCheckPath>` +
    `<Matcher><HttpCode>200</HttpCode></Matcher><LoadBalancerArns>${lbs}</LoadBalancerArns>` +
    `<TargetType>${t.targetType}</TargetType><ProtocolVersion>HTTP1</ProtocolVersion><IpAddressType>ipv4</IpAddressType>` +
    '</member>'
  );
}

/** `Names.member.1=a&Names.member.2=b` → ['a', 'b'] (in member order). */
function members(form: URLSearchParams, list: string): string[] {
  const out: { i: number; v: string }[] = [];
  for (const [k, v] of form) {
    const m = new RegExp(`^${list}\\.member\\.(\\d{1,4})$`).exec(k);
    if (m) out.push({ i: Number(m[1]), v });
  }
  return out.sort((a, b) => a.i - b.i).map((x) => x.v);
}

/** Answers a form-encoded ELBv2 request (only DescribeTargetGroups). */
export function elbRequest(
  r: ComputeResources,
  policy: AccessPolicy,
  form: URLSearchParams,
  requestId: string,
): XmlAnswer {
  const action = form.get('Action');
  if (action !== 'DescribeTargetGroups')
    return errorXml(
      'InvalidAction',
      `The local endpoint answers only the Elastic Load Balancing action DescribeTargetGroups, not ${String(action).slice(0, 100)}.`,
      requestId,
    );
  const refused = denial(policy, 'elasticloadbalancing:DescribeTargetGroups', '*');
  if (refused) return errorXml('AccessDenied', refused, requestId, 403);
  const names = members(form, 'Names');
  const arns = members(form, 'TargetGroupArns');
  if (names.length > MAX_FILTER || arns.length > MAX_FILTER)
    return errorXml('ValidationError', `At most ${MAX_FILTER} target group names or ARNs can be given.`, requestId);
  if (names.length && arns.length)
    return errorXml(
      'ValidationError',
      'Target group names and target group ARNs cannot be specified at the same time',
      requestId,
    );
  const pageSize = form.get('PageSize');
  if (pageSize !== null && !(/^\d{1,3}$/.test(pageSize) && Number(pageSize) >= 1 && Number(pageSize) <= MAX_PAGE))
    return errorXml('ValidationError', `PageSize must be from 1 to ${MAX_PAGE}.`, requestId);
  let groups: TargetGroupRecord[];
  const wanted = names.length ? names : arns;
  if (wanted.length) {
    const found = wanted.map((w) => r.findTargetGroup(w));
    if (found.some((f) => !f)) return errorXml('TargetGroupNotFound', 'One or more target groups not found', requestId);
    groups = found as TargetGroupRecord[];
  } else {
    const lb = form.get('LoadBalancerArn');
    groups = r.state.targetGroups.filter((t) => lb === null || t.loadBalancerArns.includes(lb));
  }
  const start = Math.max(0, Number(form.get('Marker') ?? 0) || 0);
  const size = pageSize === null ? MAX_PAGE : Number(pageSize);
  const slice = groups.slice(start, start + size);
  const next = start + size < groups.length ? `<NextMarker>${start + size}</NextMarker>` : '';
  return {
    status: 200,
    xml:
      `<DescribeTargetGroupsResponse xmlns="${NS}"><DescribeTargetGroupsResult>` +
      `<TargetGroups>${slice.map(targetGroupXml).join('')}</TargetGroups>${next}` +
      `</DescribeTargetGroupsResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></DescribeTargetGroupsResponse>`,
  };
}
