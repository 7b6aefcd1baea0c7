"""Outside scenario for the local S3 store's multipart uploads: the AWS CLI switches to them above 8 MB
(`aws s3 cp`) and downloads large objects by byte ranges. (`aws deploy push` does the same above 6 MB, but Debian's
CLI 2.9 cannot point push's S3 client at another endpoint: AWS_ENDPOINT_URL_S3 came with CLI 2.13 / botocore 1.31.)"""
import os

from outside_fixtures import BUCKET
from outside_lib import WORK, aws, check, scenario


@scenario
def s3_cp_of_a_12_mb_file_up_and_back_through_multipart():
    data = os.urandom(12 * 1024 * 1024 + 321)
    src = os.path.join(WORK, "big-upload.bin")
    back = os.path.join(WORK, "big-download.bin")
    with open(src, "wb") as f:
        f.write(data)
    aws("s3", "cp", src, f"s3://{BUCKET}/big/upload.bin", s3=True)
    aws("s3", "cp", f"s3://{BUCKET}/big/upload.bin", back, s3=True)
    with open(back, "rb") as f:
        got = f.read()
    check(got == data, f"downloaded {len(got)} bytes differ from the {len(data)} uploaded")
    head = aws("s3api", "head-object", "--bucket", BUCKET, "--key", "big/upload.bin", s3=True)
    check(head["ContentLength"] == len(data), f"head-object {head}")
    check(head["ETag"].strip('"').endswith("-2"), f"not a two-part ETag: {head['ETag']}")

