# Expressões de tempo relativas; $time é um horário localizado, por exemplo "09:00".
# Usa-se a vírgula ("amanhã, 01:30") porque "às" não concorda com uma hora ("à 1h30").

date-now = agora
date-today-at = hoje, { $time }
date-tomorrow-at = amanhã, { $time }
date-yesterday-at = ontem, { $time }
