# Հարաբերական ժամանակ․ $time-ը տեղայնացված ժամն է, օրինակ՝ «09:00»։

date-now = հիմա
date-today-at = այսօր ժամը { $time }-ին
date-tomorrow-at = վաղը ժամը { $time }-ին
date-yesterday-at = երեկ ժամը { $time }-ին
