#!/bin/bash
set -e
echo configure
