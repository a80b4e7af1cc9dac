# 相対的な時間の表現。$time は「9:00」のようなローカライズ済みの時刻です。

date-now = 今
date-today-at = 今日 { $time }
date-tomorrow-at = 明日 { $time }
date-yesterday-at = 昨日 { $time }
