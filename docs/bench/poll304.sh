#!/usr/bin/env bash
# poll304.sh URL SECONDS: a client polling every 2 s with If-None-Match; prints the share of 304s.
url=$1; secs=${2:-180}; etag=""; total=0; n304=0
end=$((SECONDS + secs))
while [ $SECONDS -lt $end ]; do
  out=$(curl -s -o /dev/null -D - ${etag:+-H "If-None-Match: $etag"} "$url")
  code=$(echo "$out" | head -1 | awk '{print $2}')
  tag=$(echo "$out" | grep -i '^etag:' | awk '{print $2}' | tr -d '\r')
  total=$((total + 1)); [ "$code" = 304 ] && n304=$((n304 + 1))
  [ -n "$tag" ] && etag=$tag
  sleep 2
done
echo "polls $total, 304s $n304, share $(awk -v a=$n304 -v b=$total 'BEGIN{printf "%.1f%%", 100*a/b}')"
