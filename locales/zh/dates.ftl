# 相对时间；$time 是本地化后的时间，例如“09:00”。

date-now = 现在
date-today-at = 今天 { $time }
date-tomorrow-at = 明天 { $time }
date-yesterday-at = 昨天 { $time }
